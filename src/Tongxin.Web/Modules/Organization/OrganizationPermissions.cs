using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization;

/// <summary>The one place that answers "may this actor do this to the organisation of that committee?".</summary>
public static class OrganizationPermissions
{
    /// <summary>Staff with the organisation permission manage the roster and structure of their own committee.</summary>
    public static bool CanManage(Actor actor, Guid committeeId) =>
        actor.IsSystem || (actor.IsInRole(Roles.Staff) && actor.HasPermission(Permissions.Organization) && actor.CanWrite(committeeId));

    /// <summary>Staff and leaders read the organisation of every committee they can read.</summary>
    public static bool CanRead(Actor actor, Guid committeeId) =>
        actor.IsSystem || ((actor.IsInRole(Roles.Staff) || actor.IsInRole(Roles.Leader)) && actor.CanRead(committeeId));

    public static void EnsureCanManage(Actor actor, Guid committeeId)
    {
        if (!CanManage(actor, committeeId))
        {
            throw new ForbiddenException("您没有管理该政协组织名册和机构的权限。");
        }
    }

    public static void EnsureCanRead(Actor actor, Guid committeeId)
    {
        if (!CanRead(actor, committeeId))
        {
            throw new ForbiddenException("您没有查看该政协组织名册和机构的权限。");
        }
    }
}
