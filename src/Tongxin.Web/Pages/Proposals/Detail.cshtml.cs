using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Review;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals;

/// <summary>提案详情 – one page for every role: the text, proposers, timeline, handling and
/// replies, with the actions the viewer may take (each handler checks again).</summary>
public class DetailModel(
    ProposalDetailQuery query, ProposalReviewHandler review, ProposalAssignmentHandler assign,
    ReplyReviewHandler replies, ProposalRatingHandler rating, ProposalSettingsStore settingsStore, TongxinDbContext db, TimeProvider time) : PageModel
{
    public DateTime Now { get; private set; }

    public ProposalDetail Detail { get; private set; } = null!;
    public ProposalSettings Settings { get; private set; } = null!;
    public RatingState? Rating { get; private set; }

    /// <summary>Units of the committee, for the assignment form.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    /// <summary>Filed proposals of the session that this one could be merged into.</summary>
    public IReadOnlyList<(Guid Id, string Label)> MergeTargets { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Projects { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Now = time.GetUtcNow().UtcDateTime;
        Detail = await query.GetAsync(id, ct);
        var p = Detail.Proposal;
        Settings = await settingsStore.GetAsync(p.CommitteeId, ct);
        if (Detail.Viewer.IsLeadProposer)
        {
            Rating = await rating.StateAsync(id, ct);
        }

        if (Detail.Viewer.CanManage)
        {
            Units = [.. (await db.HandlingUnits.AsNoTracking().Where(u => u.CommitteeId == p.CommitteeId && u.IsActive)
                .OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name))];
            Projects = [.. (await db.ProposalProjects.AsNoTracking().Where(x => x.CommitteeId == p.CommitteeId && x.SessionId == p.SessionId)
                .OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name))];
            if (p.Status == ProposalStatus.Submitted)
            {
                MergeTargets = [.. (await db.Proposals.AsNoTracking()
                    .Where(x => x.CommitteeId == p.CommitteeId && x.SessionId == p.SessionId && x.Number != null
                        && (x.Status == ProposalStatus.Filed || x.Status == ProposalStatus.Handling))
                    .OrderBy(x => x.Number).Select(x => new { x.Id, x.Number, x.Title }).Take(500).ToListAsync(ct))
                    .Select(x => (x.Id, $"第{x.Number:D4}号 {x.Title}"))];
            }
        }
    }

    public Task<IActionResult> OnPostFileAsync(Guid id, string? category, CancellationToken ct) =>
        ActAsync(id, async () => $"已立案，编号第{(await review.FileAsync([id], category, ct))[0]:D4}号。");

    public Task<IActionResult> OnPostMergeAsync(Guid id, Guid mainId, string? note, CancellationToken ct) =>
        ActAsync(id, async () => { await review.MergeAsync(id, mainId, note, ct); return "已并案。"; });

    public Task<IActionResult> OnPostNotFileAsync(Guid id, string reason, string? note, CancellationToken ct) =>
        ActAsync(id, async () => { await review.NotFileAsync(id, reason ?? "", note, ct); return "已作不予立案处理，并告知提案人。"; });

    public Task<IActionResult> OnPostReturnAsync(Guid id, string note, CancellationToken ct) =>
        ActAsync(id, async () => { await review.ReturnAsync(id, note ?? "", ct); return "已退回提案人修改。"; });

    public Task<IActionResult> OnPostMarkAsync(Guid id, string? level, string? supervisingLeader, Guid? projectId, CancellationToken ct) =>
        ActAsync(id, async () => { await review.MarkAsync(id, level == "key", level == "important", supervisingLeader, projectId, ct); return "已保存标记。"; });

    public Task<IActionResult> OnPostExcellentAsync(Guid id, bool excellent, CancellationToken ct) =>
        ActAsync(id, async () => { await review.SetExcellentAsync(id, excellent, ct); return excellent ? "已评为优秀提案。" : "已取消优秀提案。"; });

    public Task<IActionResult> OnPostAssignAsync(Guid id, AssignmentMode mode, Guid? leadUnitId, List<Guid>? otherUnitIds, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var others = (otherUnitIds ?? []).Where(u => u != leadUnitId).ToList();
            IReadOnlyList<UnitChoice> units = mode switch
            {
                AssignmentMode.Single => leadUnitId is { } u ? [new UnitChoice(u, AssignmentRole.Single)] : [],
                AssignmentMode.LeadWithCo => [.. (leadUnitId is { } l ? new[] { new UnitChoice(l, AssignmentRole.Lead) } : []),
                    .. others.Select(o => new UnitChoice(o, AssignmentRole.Co))],
                _ => [.. new[] { leadUnitId }.OfType<Guid>().Concat(others).Select(o => new UnitChoice(o, AssignmentRole.Split))],
            };
            await assign.AssignAsync(id, mode, units, ct);
            return "已交办。";
        });

    public Task<IActionResult> OnPostDecideReturnAsync(Guid id, Guid assignmentId, bool approve, Guid? newUnitId, string? note, CancellationToken ct) =>
        ActAsync(id, async () => { await assign.DecideReturnAsync(assignmentId, approve, newUnitId, note, ct); return approve ? "已同意退回并调整承办单位。" : "已不同意退回。"; });

    public Task<IActionResult> OnPostReassignAsync(Guid id, Guid assignmentId, Guid newUnitId, string reason, CancellationToken ct) =>
        ActAsync(id, async () => { await assign.ReassignAsync(assignmentId, newUnitId, reason ?? "", ct); return "已调整承办单位。"; });

    public Task<IActionResult> OnPostExtendAsync(Guid id, Guid assignmentId, DateOnly? newDeadline, string reason, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            if (newDeadline is null)
            {
                throw new ValidationFailedException("newDeadline", "请填写新的办理期限。");
            }

            await assign.ExtendDeadlineAsync(assignmentId, newDeadline.Value, reason ?? "", ct);
            return "已延期。";
        });

    public Task<IActionResult> OnPostApproveReplyAsync(Guid id, Guid replyId, CancellationToken ct) =>
        ActAsync(id, async () => { await replies.ApproveAsync(replyId, ct); return "答复已审核通过。"; });

    public Task<IActionResult> OnPostRejectReplyAsync(Guid id, Guid replyId, string note, CancellationToken ct) =>
        ActAsync(id, async () => { await replies.RejectAsync(replyId, note ?? "", ct); return "答复已驳回重办。"; });

    public Task<IActionResult> OnPostRateAsync(Guid id, Satisfaction attitude, Satisfaction result, OnPoint? onPoint, string? consultedHow, string? comment, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            await rating.RateAsync(id, new RatingInput(attitude, result, onPoint, consultedHow, comment), ct);
            return result == Satisfaction.Unsatisfied ? "已提交评价。您对办理结果不满意，提案将重新办理。" : "已提交评价，感谢您的意见。";
        });

    /// <summary>Runs an action; a refused one is shown above the page, which is reloaded either way.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Task<string>> action)
    {
        try
        {
            TempData["Message"] = await action();
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException)
        {
            TempData["Error"] = e.Message;
        }

        return RedirectToPage(new { id });
    }
}
