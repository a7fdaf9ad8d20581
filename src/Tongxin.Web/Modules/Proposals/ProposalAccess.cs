using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals;

/// <summary>Who may read and do what with proposals (DESIGN.md "Who may do what"). Every
/// handler asks here; pages and API only decide what to show.</summary>
public sealed class ProposalAccess(TongxinDbContext db, IActorAccessor actors)
{
    private Actor Actor => actors.Actor;

    /// <summary>提案委 staff: a staff account with the 提案 permission.</summary>
    public static bool IsProposalStaff(Actor a) => a.IsInRole(Roles.Staff) && a.HasPermission(Permissions.Proposals);

    /// <summary>Staff who may act on a proposal of <paramref name="committeeId"/>: writes stay in the own committee.</summary>
    public static bool CanManage(Actor a, Guid committeeId) => IsProposalStaff(a) && a.CanWrite(committeeId);

    /// <summary>社情民意转办件 (a row with <c>SourceReportId</c>) belong to the 社情民意 office, real
    /// proposals to the 提案 office: the staff who read and manage a row depend on which it is.</summary>
    public static bool IsStaffFor(Actor a, Proposal p) =>
        p.SourceReportId is null ? IsProposalStaff(a) : Opinions.OpinionAccess.IsOpinionStaff(a);

    /// <summary>Staff who may act on this row (proposal or 转办件): its office, own committee.</summary>
    public static bool CanManage(Actor a, Proposal p) => IsStaffFor(a, p) && a.CanWrite(p.CommitteeId);

    /// <summary>How texts name the row: "提案第0001号" for a proposal, "社情民意转办件" for a case.</summary>
    public static string Label(Proposal p) => p.SourceReportId is null ? $"提案{p.DisplayNumber}" : "社情民意转办件";

    /// <summary>"提案" or "社情民意转办件", for texts that name the row without its number.</summary>
    public static string Noun(Proposal p) => p.SourceReportId is null ? "提案" : "社情民意转办件";

    public static bool IsMember(Actor a) => a.IsInRole(Roles.Member) && a.MemberId is not null;

    public static bool IsUnit(Actor a) => a.IsInRole(Roles.Unit) && a.HandlingUnitId is not null;

    public static bool IsLeader(Actor a) => a.IsInRole(Roles.Leader);

    /// <summary>The proposals the current actor may read (on top of the committee filter).</summary>
    public IQueryable<Proposal> Readable()
    {
        var a = Actor;
        var q = db.Proposals.AsQueryable();
        var proposals = IsProposalStaff(a);
        var cases = Opinions.OpinionAccess.IsOpinionStaff(a);
        if (proposals || cases)
        {
            // 提案 staff read proposals, 社情民意 staff read the 转办 cases of their reports.
            return q.Where(p => p.Status != ProposalStatus.Draft
                && ((proposals && p.SourceReportId == null) || (cases && p.SourceReportId != null)));
        }

        if (IsLeader(a))
        {
            // Leaders follow proposals; a 转办 case is followed on its report.
            return q.Where(p => p.CommitteeId == a.CommitteeId && p.Status != ProposalStatus.Draft && p.SourceReportId == null);
        }

        if (IsUnit(a))
        {
            var unitId = a.HandlingUnitId!.Value;
            return q.Where(p => db.ProposalAssignments.Any(x => x.ProposalId == p.Id && x.HandlingUnitId == unitId));
        }

        if (IsMember(a))
        {
            var memberId = a.MemberId!.Value;
            return q.Where(p =>
                db.ProposalSigners.Any(s => s.ProposalId == p.Id && s.MemberId == memberId)
                || (p.SharedForDiscussion && p.Status == ProposalStatus.Draft && p.CommitteeId == a.CommitteeId)
                || db.Proposals.Any(m => m.MergedIntoId == p.Id
                    && db.ProposalSigners.Any(s => s.ProposalId == m.Id && s.MemberId == memberId)));
        }

        return q.Where(p => false);
    }

    /// <summary>Loads a proposal the actor may read, tracked for changes, or throws 404.</summary>
    public async Task<Proposal> LoadAsync(Guid id, CancellationToken ct = default) =>
        await Readable().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("提案");

    /// <summary>Loads a proposal for a staff action: readable, and writable by this staff member.
    /// A 社情民意转办 case is managed by 社情民意 staff (assignment, returns, deadlines, reply review);
    /// every other staff action takes a real proposal (<see cref="LoadProposalForStaffAsync"/>).</summary>
    public async Task<Proposal> LoadForStaffAsync(Guid id, CancellationToken ct = default)
    {
        if (!IsProposalStaff(Actor) && !Opinions.OpinionAccess.IsOpinionStaff(Actor))
        {
            throw new ForbiddenException("只有具有提案管理权限的工作人员可以执行此操作。");
        }

        var proposal = await LoadAsync(id, ct);
        if (!Actor.CanWrite(proposal.CommitteeId))
        {
            throw new ForbiddenException(proposal.SourceReportId is null ? "只能处理本级政协的提案。" : "只能处理本级政协的社情民意转办件。");
        }

        return proposal;
    }

    /// <summary>Loads a real proposal (not a 转办 case) for a 提案 staff action: review, marks, conversion.</summary>
    public async Task<Proposal> LoadProposalForStaffAsync(Guid id, CancellationToken ct = default)
    {
        if (!IsProposalStaff(Actor))
        {
            throw new ForbiddenException("只有具有提案管理权限的工作人员可以执行此操作。");
        }

        var proposal = await LoadForStaffAsync(id, ct);
        return proposal.SourceReportId is null ? proposal : throw new NotFoundException("提案");
    }

    /// <summary>The actor's own member id, or 403 for anyone who is not a member.</summary>
    public Guid RequireMember() =>
        IsMember(Actor) ? Actor.MemberId!.Value : throw new ForbiddenException("只有委员可以执行此操作。");

    /// <summary>The actor's handling unit id, or 403.</summary>
    public Guid RequireUnit() =>
        IsUnit(Actor) ? Actor.HandlingUnitId!.Value : throw new ForbiddenException("只有承办单位用户可以执行此操作。");

    /// <summary>The unit's assignment on a proposal (not returned), or 404.</summary>
    public async Task<ProposalAssignment> LoadOwnAssignmentAsync(Guid proposalId, CancellationToken ct = default)
    {
        var unitId = RequireUnit();
        return await db.ProposalAssignments
            .Where(x => x.ProposalId == proposalId && x.HandlingUnitId == unitId && x.Status != AssignmentStatus.Returned)
            .OrderByDescending(x => x.AssignedAt)
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("交办记录");
    }
}

/// <summary>Per-committee settings, with the defaults of DOMAIN.md when a committee saved none.</summary>
public sealed class ProposalSettingsStore(TongxinDbContext db)
{
    public async Task<ProposalSettings> GetAsync(Guid committeeId, CancellationToken ct = default) =>
        await db.ProposalSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CommitteeId == committeeId, ct)
        ?? new ProposalSettings { CommitteeId = committeeId };
}

/// <summary>Writes the timeline (办理进程) entries.</summary>
public static class ProposalTimeline
{
    /// <returns>The entry, for a caller whose text may still change before the save.</returns>
    public static ProposalHistoryEntry Add(TongxinDbContext db, Proposal proposal, ProposalEventKind kind, string actorName, string text, DateTime at)
    {
        var entry = new ProposalHistoryEntry
        {
            CommitteeId = proposal.CommitteeId,
            ProposalId = proposal.Id,
            Kind = kind,
            At = at,
            ActorName = actorName,
            Text = text,
        };
        db.ProposalHistory.Add(entry);
        return entry;
    }
}

/// <summary>A proposal's attachments are read by whoever may read the proposal – not by every
/// reader of the committee (an unassigned unit, another member).</summary>
public sealed class ProposalAttachmentAccess(ProposalAccess access) : Platform.Attachments.IAttachmentOwnerAccess
{
    public string OwnerType => Drafting.DraftHandler.AttachmentOwner;

    public Task<bool> MayReadAsync(Guid ownerId, CancellationToken ct) => access.Readable().AnyAsync(p => p.Id == ownerId, ct);
}
