using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance;

/// <summary>Who may see and do what with duty records (DESIGN.md "Who may see what"): a member
/// their own full record; staff with 委员履职 everything in the committees they read (and change
/// their own committee's rules); leaders the committee's figures and leaderboards; others only
/// the leaderboards the committee publishes. Handlers ask here; pages only decide what to show.</summary>
public sealed class PerformanceAccess(TongxinDbContext db, IActorAccessor actors)
{
    private Actor Actor => actors.Actor;

    public static bool IsPerformanceStaff(Actor a) => a.IsInRole(Roles.Staff) && a.HasPermission(Permissions.Performance);

    public static bool IsMember(Actor a) => a.IsInRole(Roles.Member) && a.MemberId is not null;

    public static bool IsLeader(Actor a) => a.IsInRole(Roles.Leader);

    /// <summary>The actor's own member id, or 403.</summary>
    public Guid RequireMember() =>
        IsMember(Actor) ? Actor.MemberId!.Value : throw new ForbiddenException("只有委员可以执行此操作。");

    /// <summary>Staff with 委员履职 who may change the committee's records (their own committee).</summary>
    public bool IsStaffOf(Guid committeeId) => IsPerformanceStaff(Actor) && Actor.CanWrite(committeeId);

    /// <summary>As <see cref="IsStaffOf"/>, or 403 with the reason.</summary>
    public void RequireStaffOf(Guid committeeId)
    {
        if (!IsPerformanceStaff(Actor))
        {
            throw new ForbiddenException("只有具有委员履职管理权限的工作人员可以执行此操作。");
        }

        if (!Actor.CanWrite(committeeId))
        {
            throw new ForbiddenException("只能管理本级政协的委员履职工作。");
        }
    }

    /// <summary>Whether the actor may read the committee's whole table (staff who read it, leaders of it).</summary>
    public bool CanReadCommittee(Guid committeeId) =>
        (IsPerformanceStaff(Actor) && Actor.CanRead(committeeId)) || (IsLeader(Actor) && Actor.CommitteeId == committeeId);

    public void RequireCommitteeReader(Guid committeeId)
    {
        if (!CanReadCommittee(committeeId))
        {
            throw new ForbiddenException("只有本级政协委员履职工作人员和领导可以查看全体委员的履职情况。");
        }
    }

    /// <summary>A member's full record: the member themself, or a committee reader of the member's committee; 404 otherwise.</summary>
    public async Task<Guid> RequireRecordReaderAsync(Guid memberId, CancellationToken ct = default)
    {
        var committeeId = await db.Members.IgnoreQueryFilters().Where(m => m.Id == memberId).Select(m => (Guid?)m.CommitteeId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("委员");
        RequireRecordReader(committeeId, memberId);
        return committeeId;
    }

    /// <summary>The same check for a member already read (<paramref name="committeeId"/> is the member's).</summary>
    public void RequireRecordReader(Guid committeeId, Guid memberId)
    {
        if (Actor.MemberId != memberId && !CanReadCommittee(committeeId))
        {
            throw new ForbiddenException("只能查看本人的履职档案。");
        }
    }

    /// <summary>Leaderboards: committee readers always; the committee's members when it publishes
    /// them (else 403). Returns whether the committee publishes the year's boards.</summary>
    public async Task<bool> RequireLeaderboardReaderAsync(Guid committeeId, int year, CancellationToken ct = default)
    {
        var published = await db.DutyRuleSets.IgnoreQueryFilters().Where(s => s.CommitteeId == committeeId && s.Year == year)
            .Select(s => (bool?)s.PublishLeaderboards).FirstOrDefaultAsync(ct) ?? true;
        if (!CanReadCommittee(committeeId) && (!published || Actor.CommitteeId != committeeId))
        {
            throw new ForbiddenException("本级政协未公开履职榜单。");
        }

        return published;
    }
}
