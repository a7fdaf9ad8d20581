using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Modules.Proposals.Review;

/// <summary>Everything the detail page shows about one proposal, cut to what the actor may see.</summary>
public sealed record ProposalDetail(
    Proposal Proposal,
    string SessionName,
    string? ProjectName,
    IReadOnlyList<ProposalSigner> Signers,
    IReadOnlyList<ProposalComment> Comments,
    IReadOnlyList<ProposalAssignment> Assignments,
    IReadOnlyList<ProposalDeadlineChange> DeadlineChanges,
    IReadOnlyList<ProposalContact> Contacts,
    IReadOnlyList<ProposalReply> Replies,
    IReadOnlyList<ProposalRating> Ratings,
    IReadOnlyList<ProposalInstruction> Instructions,
    IReadOnlyList<ProposalHistoryEntry> History,
    Proposal? MergedInto,
    IReadOnlyList<Proposal> MergedHere,
    ProposalViewer Viewer);

/// <summary>Who is looking, for the page to choose which actions to offer (handlers check again).</summary>
public sealed record ProposalViewer(bool IsStaff, bool CanManage, bool IsLeader, bool IsLeadProposer, bool IsSigner, Guid? UnitId, bool IsMember);

/// <summary>Reads a proposal with its parts in a fixed number of queries.</summary>
public sealed class ProposalDetailQuery(TongxinDbContext db, ProposalAccess access, IActorAccessor actors)
{
    public async Task<ProposalDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var a = actors.Actor;
        var p = await access.Readable().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new Platform.Web.NotFoundException("提案");
        // A 转办 case is the 社情民意 office's: its staff review the replies, 提案 staff do not see it.
        var isStaff = ProposalAccess.IsStaffFor(a, p);
        var viewer = new ProposalViewer(
            isStaff,
            ProposalAccess.CanManage(a, p),
            ProposalAccess.IsLeader(a) && a.CommitteeId == p.CommitteeId,
            a.MemberId is { } m && p.LeadMemberId == m,
            a.MemberId is { } m2 && await db.ProposalSigners.AnyAsync(s => s.ProposalId == id && s.MemberId == m2, ct),
            ProposalAccess.IsUnit(a) ? a.HandlingUnitId : null,
            ProposalAccess.IsMember(a));

        var sessionName = await db.Sessions.Where(s => s.Id == p.SessionId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "";
        var project = p.ProjectId is { } pid ? await db.ProposalProjects.Where(x => x.Id == pid).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var merged = p.MergedIntoId is { } mid ? await db.Proposals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == mid, ct) : null;

        // A merged proposal is handled as part of its main one: show the main one's handling.
        var handlingId = merged?.Id ?? p.Id;
        var replies = await db.ProposalReplies.AsNoTracking().Include(r => r.Items.OrderBy(i => i.Order))
            .Where(r => r.ProposalId == handlingId).OrderBy(r => r.Round).ThenBy(r => r.HandlingUnitName).ToListAsync(ct);
        var assignments = await db.ProposalAssignments.AsNoTracking().Where(x => x.ProposalId == handlingId)
            .OrderBy(x => x.AssignedAt).ThenBy(x => x.Role).ToListAsync(ct);
        var ownParts = assignments.Where(x => x.HandlingUnitId == viewer.UnitId).Select(x => x.Id).ToHashSet();

        // Drafts and replies under review stay between the unit and staff until they pass.
        replies = [.. replies.Where(r => r.Status == ReplyStatus.Approved || isStaff || viewer.IsLeader || ownParts.Contains(r.AssignmentId))];

        return new ProposalDetail(
            p,
            sessionName,
            project,
            await db.ProposalSigners.AsNoTracking().Where(s => s.ProposalId == id).OrderBy(s => s.Order).ToListAsync(ct),
            await db.ProposalComments.AsNoTracking().Where(c => c.ProposalId == id).OrderBy(c => c.CreatedAt).ToListAsync(ct),
            assignments,
            await db.ProposalDeadlineChanges.AsNoTracking().Where(x => x.ProposalId == handlingId).OrderBy(x => x.ChangedAt).ToListAsync(ct),
            await db.ProposalContacts.AsNoTracking().Where(x => x.ProposalId == handlingId).OrderBy(x => x.Date).ToListAsync(ct),
            replies,
            await db.ProposalRatings.AsNoTracking().Where(x => x.ProposalId == handlingId).OrderBy(x => x.RatedAt).ToListAsync(ct),
            await db.ProposalInstructions.AsNoTracking().Where(x => x.ProposalId == handlingId).OrderBy(x => x.GivenAt).ToListAsync(ct),
            await db.ProposalHistory.AsNoTracking().Where(x => x.ProposalId == id || x.ProposalId == handlingId).OrderBy(x => x.At).ToListAsync(ct),
            merged,
            await db.Proposals.AsNoTracking().Where(x => x.MergedIntoId == id).OrderBy(x => x.SubmittedAt).ToListAsync(ct),
            viewer);
    }
}
