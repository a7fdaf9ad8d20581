using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals.Review;

/// <summary>The staff's work queues that are not proposals' statuses: units' return requests
/// (申退) and replies waiting for review. Each row leads to the proposal page, where the action is.</summary>
public class QueueModel(TongxinDbContext db, IActorAccessor actors) : PageModel
{
    public sealed record Row(Guid ProposalId, int? Number, string Title, string Unit, string Detail, DateTime At);

    [BindProperty(SupportsGet = true)]
    public string What { get; set; } = "replies";

    public PagedList<Row> Rows { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var a = actors.Actor;
        if (!ProposalAccess.IsProposalStaff(a) || a.CommitteeId is not { } c)
        {
            throw new ForbiddenException("只有具有提案管理权限的工作人员可以查看。");
        }

        Rows = What == "returns"
            ? await db.ProposalAssignments.AsNoTracking()
                .Where(x => x.CommitteeId == c && x.Status == AssignmentStatus.ReturnRequested)
                .Join(db.Proposals.Where(p => p.SourceReportId == null), x => x.ProposalId, p => p.Id, (x, p) => new { x, p })
                .OrderBy(j => j.x.ReturnRequestedAt)
                .Select(j => new Row(j.p.Id, j.p.Number, j.p.Title, j.x.HandlingUnitName, j.x.ReturnReason ?? "", j.x.ReturnRequestedAt ?? j.x.AssignedAt))
                .ToPagedListAsync(pageNumber, Paging.DefaultPageSize, ct)
            : await db.ProposalReplies.AsNoTracking()
                .Where(r => r.CommitteeId == c && r.Status == ReplyStatus.Submitted)
                .Join(db.Proposals.Where(p => p.SourceReportId == null), r => r.ProposalId, p => p.Id, (r, p) => new { r, p })
                .OrderBy(j => j.r.SubmittedAt)
                .Select(j => new Row(j.p.Id, j.p.Number, j.p.Title, j.r.HandlingUnitName, j.r.ReplyClass + "类，第" + j.r.Round + "轮", j.r.SubmittedAt ?? j.p.LastActivityAt))
                .ToPagedListAsync(pageNumber, Paging.DefaultPageSize, ct);
    }
}
