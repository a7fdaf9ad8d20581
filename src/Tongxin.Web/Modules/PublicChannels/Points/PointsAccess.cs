using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>Who may do what with 码上商 points and their letters (DESIGN.md "码上商").</summary>
public static class PointsAccess
{
    /// <summary>公众渠道 staff: every point's letters, moderation, sensitive words, unmasked phones.</summary>
    public static bool IsPublicStaff(Actor a) => a.IsInRole(Roles.Staff) && a.HasPermission(Permissions.Public);

    /// <summary>Points are set up by 公众渠道 or 社情民意 staff (the letters become reports).</summary>
    public static bool CanManagePoints(Actor a) =>
        a.IsInRole(Roles.Staff) && (a.HasPermission(Permissions.Public) || a.HasPermission(Permissions.Opinions));

    /// <summary>一码直达: the point's responsible member or staff account.</summary>
    public static bool IsResponsible(Actor a, Guid? responsibleMemberId, Guid? responsibleUserId) =>
        (a.MemberId is { } m && m == responsibleMemberId) || (a.UserId is { } u && u == responsibleUserId);
}
