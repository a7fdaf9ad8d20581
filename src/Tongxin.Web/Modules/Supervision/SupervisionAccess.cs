using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision;

/// <summary>Who may do what with supervision records (DESIGN.md "Who may do what"). Every handler
/// asks here; pages only decide what to show.</summary>
public sealed class SupervisionAccess(TongxinDbContext db, IActorAccessor actors)
{
    private Actor Actor => actors.Actor;

    /// <summary>监督工作人员: a staff account with the 民主监督 permission.</summary>
    public static bool IsSupervisionStaff(Actor a) => a.IsInRole(Roles.Staff) && a.HasPermission(Permissions.Supervision);

    public static bool IsMember(Actor a) => a.IsInRole(Roles.Member) && a.MemberId is not null;

    public static bool IsUnit(Actor a) => a.IsInRole(Roles.Unit) && a.HandlingUnitId is not null;

    public void RequireStaff()
    {
        if (!IsSupervisionStaff(Actor))
        {
            throw new ForbiddenException("只有具有民主监督管理权限的工作人员可以执行此操作。");
        }
    }

    /// <summary>Staff of the record's own committee (a city's staff read county records but do not change them).</summary>
    public void RequireStaffOf(Guid committeeId)
    {
        RequireStaff();
        if (!Actor.CanWrite(committeeId))
        {
            throw new ForbiddenException("只能管理本级政协的民主监督工作。");
        }
    }

    /// <summary>The actor's own member id, or 403.</summary>
    public Guid RequireMember() =>
        IsMember(Actor) ? Actor.MemberId!.Value : throw new ForbiddenException("只有委员可以执行此操作。");

    /// <summary>The actor's handling unit, or 403.</summary>
    public Guid RequireUnit() =>
        IsUnit(Actor) ? Actor.HandlingUnitId!.Value : throw new ForbiddenException("只有承办单位可以执行此操作。");

    /// <summary>Whether the member is a supervisor of the group.</summary>
    public Task<bool> IsInGroupAsync(Guid groupId, Guid memberId, CancellationToken ct = default) =>
        db.SupervisorGroupMembers.AnyAsync(m => m.GroupId == groupId && m.MemberId == memberId, ct);

    /// <summary>The actor's member id when they supervise in the group, or 403 (staff pass with null).</summary>
    public async Task<Guid?> RequireGroupMemberOrStaffAsync(Guid groupId, CancellationToken ct = default)
    {
        if (IsSupervisionStaff(Actor))
        {
            return null;
        }

        var memberId = RequireMember();
        return await IsInGroupAsync(groupId, memberId, ct)
            ? memberId
            : throw new ForbiddenException("只有本小组的民主监督员可以执行此操作。");
    }

    /// <summary>The problems the actor may see: supervision staff all of their readable committees;
    /// a unit the problems assigned to it; a member the problems of their groups and their own.</summary>
    public IQueryable<SupervisionProblem> ReadableProblems()
    {
        var q = db.SupervisionProblems.AsQueryable();
        if (IsSupervisionStaff(Actor))
        {
            return q;
        }

        if (IsUnit(Actor))
        {
            var unitId = Actor.HandlingUnitId!.Value;
            return q.Where(p => p.HandlingUnitId == unitId && p.Status != ProblemStatus.Recorded && p.Status != ProblemStatus.Dismissed);
        }

        if (IsMember(Actor))
        {
            var memberId = Actor.MemberId!.Value;
            var groups = db.SupervisorGroupMembers.Where(m => m.MemberId == memberId).Select(m => m.GroupId);
            return q.Where(p => p.ReportedByMemberId == memberId || (p.GroupId != null && groups.Contains(p.GroupId.Value)));
        }

        return q.Where(_ => false);
    }

    /// <summary>A problem the actor may read, tracked, or 404.</summary>
    public async Task<SupervisionProblem> LoadProblemAsync(Guid id, CancellationToken ct = default) =>
        await ReadableProblems().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("监督问题");
}
