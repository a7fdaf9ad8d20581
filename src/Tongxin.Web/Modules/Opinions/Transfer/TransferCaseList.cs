using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Transfer;

/// <summary>One 转办 case in the staff list.</summary>
public sealed record TransferCaseRow(
    Guid ReportId, Guid CaseId, string Title, string SubmitterName, ProposalStatus Status, DateTime? AssignedAt, DateOnly? Deadline,
    int RepliesToReview, int ReturnRequests)
{
    public string Units { get; set; } = "";
}

/// <summary>转办件 – the 社情民意 office's list of reports it handed to units and where each stands;
/// the proposals' lists leave these cases out, so this is where staff follow them.</summary>
public sealed class TransferCaseList(TongxinDbContext db, OpinionAccess access)
{
    public async Task<PagedList<TransferCaseRow>> ListAsync(bool waitingOnly, int page, CancellationToken ct = default)
    {
        access.RequireStaff();
        var cases = from p in db.Proposals.AsNoTracking()
                    where p.SourceReportId != null
                    join r in access.Readable().AsNoTracking() on p.SourceReportId equals r.Id
                    select new
                    {
                        p,
                        r,
                        Replies = db.ProposalReplies.Count(x => x.ProposalId == p.Id && x.Status == ReplyStatus.Submitted),
                        Returns = db.ProposalAssignments.Count(x => x.ProposalId == p.Id && x.Status == AssignmentStatus.ReturnRequested),
                    };
        if (waitingOnly)
        {
            cases = cases.Where(x => x.Replies > 0 || x.Returns > 0);
        }

        var rows = await cases
            .OrderByDescending(x => x.Replies + x.Returns > 0).ThenByDescending(x => x.p.AssignedAt).ThenBy(x => x.p.Id)
            .Select(x => new TransferCaseRow(x.r.Id, x.p.Id, x.r.Title, x.r.SubmitterName, x.p.Status, x.p.AssignedAt, x.p.Deadline, x.Replies, x.Returns))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        var ids = rows.Items.Select(r => r.CaseId).ToList();
        var units = await db.ProposalAssignments.AsNoTracking()
            .Where(x => ids.Contains(x.ProposalId) && x.Status != AssignmentStatus.Returned)
            .OrderBy(x => x.Role).Select(x => new { x.ProposalId, x.HandlingUnitName }).ToListAsync(ct);
        foreach (var row in rows.Items)
        {
            row.Units = string.Join("、", units.Where(u => u.ProposalId == row.CaseId).Select(u => u.HandlingUnitName));
        }

        return rows;
    }
}
