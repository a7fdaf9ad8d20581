using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Discussions;

/// <summary>网络议政评论审核 – pending (sensitive word) and reported comments of the committee.</summary>
public class ModerationModel(CommentModeration moderation) : PageModel
{
    public PagedList<ModerationRow> Queue { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default) => Queue = await moderation.QueueAsync(page, ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid commentId, CancellationToken ct) =>
        ActAsync(() => moderation.ReleaseAsync(commentId, ct), "评论已通过并公开显示。");

    public Task<IActionResult> OnPostHideAsync(Guid commentId, CancellationToken ct) =>
        ActAsync(() => moderation.HideAsync(commentId, ct), "评论已隐藏。");

    public Task<IActionResult> OnPostDismissAsync(Guid commentId, CancellationToken ct) =>
        ActAsync(() => moderation.DismissReportsAsync(commentId, ct), "举报已驳回，评论保持原状。");

    private async Task<IActionResult> ActAsync(Func<Task> action, string message)
    {
        try
        {
            await action();
            TempData["Message"] = message;
        }
        catch (ConflictException conflict)
        {
            TempData["Error"] = conflict.Message;
        }

        return RedirectToPage();
    }
}
