using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Studios;

/// <summary>Who may do what with member studios (线上委员工作室) and their messages: staff with the
/// 公众渠道 permission manage the studios of their own committee and may answer every message there;
/// a host member answers the messages of the studios they host; a handling unit answers only what
/// was forwarded to it. Every handler asks here.</summary>
public sealed class StudioAccess(TongxinDbContext db, IActorAccessor actors)
{
    private Actor Actor => actors.Actor;

    public static bool IsMember(Actor a) => a.IsInRole(Roles.Member) && a.MemberId is not null;

    public static bool IsUnit(Actor a) => a.IsInRole(Roles.Unit) && a.HandlingUnitId is not null;

    /// <summary>The committee whose studios the staff member manages: always their own.</summary>
    public Guid RequireStaffCommittee()
    {
        if (!PointsAccess.IsPublicStaff(Actor) || Actor.CommitteeId is not { } committeeId)
        {
            throw new ForbiddenException("只有具有公众渠道管理权限的工作人员可以管理委员工作室。");
        }

        return committeeId;
    }

    /// <summary>The unit of the current unit account, or 403.</summary>
    public Guid RequireUnit() =>
        IsUnit(Actor) ? Actor.HandlingUnitId!.Value : throw new ForbiddenException("只有承办单位用户可以处理转交的工作室来信。");

    /// <summary>The studio messages the actor answers as host: every studio message of the own
    /// committee for 公众渠道 staff, those of the hosted studios for a member, none for anyone else.
    /// Messages still waiting for moderation or blocked are never in a host's list.</summary>
    public IQueryable<PublicSubmission> HostMessages()
    {
        var a = Actor;
        var q = db.PublicSubmissions.Where(s => s.Channel == PublicChannel.Studio && s.StudioId != null
            && s.Status != PublicSubmissionStatus.PendingModeration && s.Status != PublicSubmissionStatus.Blocked);
        if (PointsAccess.IsPublicStaff(a) && a.CommitteeId is { } committeeId)
        {
            return q.Where(s => s.CommitteeId == committeeId);
        }

        if (IsMember(a))
        {
            var memberId = a.MemberId!.Value;
            return q.Where(s => db.MemberStudioHosts.Any(h => h.StudioId == s.StudioId && h.MemberId == memberId));
        }

        return q.Where(s => false);
    }

    /// <summary>The studio messages forwarded to the actor's unit (never another unit's).</summary>
    public IQueryable<PublicSubmission> UnitMessages()
    {
        var unitId = RequireUnit();
        return db.PublicSubmissions.Where(s => s.Channel == PublicChannel.Studio && s.ForwardedUnitId == unitId);
    }

    /// <summary>Loads a message for a host action, tracked; 404 when the actor is no host of its studio.</summary>
    public async Task<PublicSubmission> LoadForHostAsync(Guid id, CancellationToken ct = default)
    {
        if (!PointsAccess.IsPublicStaff(Actor) && !IsMember(Actor))
        {
            throw new ForbiddenException("只有工作室的委员或公众渠道工作人员可以处理工作室来信。");
        }

        return await HostMessages().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("工作室来信");
    }

    /// <summary>Loads a forwarded message for the unit's answer, tracked; 404 for another unit's.</summary>
    public async Task<PublicSubmission> LoadForUnitAsync(Guid id, CancellationToken ct = default) =>
        await UnitMessages().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("转交的工作室来信");
}
