using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Modules.Opinions.Transfer;

/// <summary>One handling unit of a transferred report.</summary>
public sealed record HandlingUnitRow(string Name, AssignmentRole Role, AssignmentStatus Status, DateOnly Deadline);

/// <summary>An approved reply of a unit.</summary>
public sealed record ApprovedReplyRow(Guid Id, string UnitName, int Round, string ReplyClass, string Signer, string Text, DateTime? ApprovedAt);

/// <summary>The lead author's rating of a round.</summary>
public sealed record CaseRatingRow(int Round, string MemberName, Satisfaction Attitude, Satisfaction Result, string? Comment, DateTime RatedAt);

/// <summary>转办情况 of one report, as its page shows it.</summary>
public sealed record ReportHandling(
    Guid ReportId,
    OpinionStatus ReportStatus,
    Guid? CaseId,
    ProposalStatus? CaseStatus,
    AssignmentMode? Mode,
    int Round,
    IReadOnlyList<HandlingUnitRow> Units,
    IReadOnlyList<ApprovedReplyRow> Replies,
    IReadOnlyList<CaseRatingRow> Ratings,
    int RepliesToReview,
    Guid? ConvertedFromProposalId,
    bool CanOpenProposal,
    bool CanTransfer,
    bool CanOpenCase);

/// <summary>Reads the 转办 part of a report page in a fixed number of queries: the units, their
/// deadlines, approved replies and ratings. Only what every reader of the report may see (replies
/// under review stay with staff and units; staff see how many wait).</summary>
public sealed class ReportHandlingQuery(TongxinDbContext db, OpinionAccess access, IActorAccessor actors)
{
    public async Task<ReportHandling> GetAsync(Guid reportId, CancellationToken ct = default)
    {
        var report = await access.Readable().AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.Id, r.Status, r.CommitteeId, r.HandlingCaseId, r.ConvertedFromProposalId, r.LeadMemberId })
            .FirstOrDefaultAsync(ct) ?? throw new Platform.Web.NotFoundException("社情民意信息");
        var a = actors.Actor;
        var manages = OpinionAccess.CanManage(a, report.CommitteeId);
        // The proposal it came from is read by proposal staff and its proposers (the report's authors).
        var canOpenProposal = ProposalAccess.IsProposalStaff(a) || ProposalAccess.IsMember(a);
        var canTransfer = manages && report.HandlingCaseId is null && OpinionStateMachine.Allows(report.Status, OpinionAction.Transfer);
        if (report.HandlingCaseId is not { } caseId)
        {
            return new ReportHandling(report.Id, report.Status, null, null, null, 1, [], [], [], 0, report.ConvertedFromProposalId, canOpenProposal, canTransfer, false);
        }

        var handlingCase = await db.Proposals.AsNoTracking().Where(p => p.Id == caseId)
            .Select(p => new { p.Status, p.AssignmentMode, p.Round }).FirstAsync(ct);
        var units = await db.ProposalAssignments.AsNoTracking().Where(x => x.ProposalId == caseId)
            .OrderBy(x => x.Role).ThenBy(x => x.AssignedAt)
            .Select(x => new HandlingUnitRow(x.HandlingUnitName, x.Role, x.Status, x.Deadline)).ToListAsync(ct);
        var replies = await db.ProposalReplies.AsNoTracking().Where(r => r.ProposalId == caseId && r.Status == ReplyStatus.Approved)
            .OrderBy(r => r.Round).ThenBy(r => r.HandlingUnitName)
            .Select(r => new ApprovedReplyRow(r.Id, r.HandlingUnitName, r.Round, r.ReplyClass, r.Signer, r.Text, r.ReviewedAt)).ToListAsync(ct);
        var ratings = await db.ProposalRatings.AsNoTracking().Where(r => r.ProposalId == caseId)
            .OrderBy(r => r.Round).ThenBy(r => r.RatedAt)
            .Select(r => new CaseRatingRow(r.Round, r.MemberName, r.Attitude, r.Result, r.Comment, r.RatedAt)).ToListAsync(ct);
        var toReview = manages
            ? await db.ProposalReplies.CountAsync(r => r.ProposalId == caseId && r.Status == ReplyStatus.Submitted, ct)
            : 0;
        // The case page is read by the 社情民意 staff (who review replies there) and by the lead
        // author (who rates there); the proposals' access decides the same way.
        var canOpen = OpinionAccess.IsOpinionStaff(a) || (a.MemberId is { } m && m == report.LeadMemberId);
        return new ReportHandling(report.Id, report.Status, caseId, handlingCase.Status, handlingCase.AssignmentMode, handlingCase.Round,
            units, replies, ratings, toReview, report.ConvertedFromProposalId, canOpenProposal, false, canOpen);
    }
}
