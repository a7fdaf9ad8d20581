using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions;

/// <summary>社情民意详情 – one page for every reader: the text as they may see it, authors, status,
/// screening note, timeline, bulletins, outcomes and 转办, with the actions the viewer may take
/// (each handler checks again).</summary>
public class DetailModel(ReportDetailQuery query, ReportHandler reports, EditingHandler editing) : PageModel
{
    public ReportDetail Detail { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Detail = await query.GetAsync(id, ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => { await reports.WithdrawAsync(id, ct); return "已撤回。"; });

    public Task<IActionResult> OnPostSignOffAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => { await editing.SignOffAsync(id, ct); return "已审签签发。"; });

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => { await editing.ReopenAsync(id, ct); return "已撤回签发，可继续编辑核稿。"; });

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
