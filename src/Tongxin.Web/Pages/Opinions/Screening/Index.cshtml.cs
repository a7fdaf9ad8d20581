using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Screening;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions.Screening;

/// <summary>信息筛选 – the own committee's screening queue (urgent first, then oldest), with
/// filters, text search, Excel export and 批量采用 / 批量留存.</summary>
public class IndexModel(ScreeningQueue queue, ScreeningHandler screening, OpinionSettingsStore settings, IActorAccessor actors, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ScreeningFilter Filter { get; set; } = new();

    public PagedList<ScreeningRow> Rows { get; private set; } = new([], 1, ScreeningQueue.PageSize, 0);

    public IReadOnlyList<string> Categories { get; private set; } = [];

    /// <summary>The current year (Beijing time): the year filter offers it and five before.</summary>
    public int ThisYear => Platform.Calendar.BeijingTime.FromUtc(time.GetUtcNow().UtcDateTime).Year;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        await LoadAsync(pageNumber, ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await queue.ExportAsync(Filter, ct), ProposalFiles.ContentType, ScreeningQueue.ExportName);

    /// <summary>批量采用 / 批量留存 of the ticked rows.</summary>
    public async Task<IActionResult> OnPostBatchAsync(string decision, Guid[] ids, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        await LoadAsync(pageNumber, ct);
        if (decision == "keep")
        {
            await screening.KeepAsync(ids, ct);
            TempData["Message"] = $"已留存 {ids.Distinct().Count()} 条信息";
        }
        else
        {
            await screening.AdoptAsync(ids, ct);
            TempData["Message"] = $"已采用 {ids.Distinct().Count()} 条信息";
        }

        return Redirect(Request.Path + Request.QueryString);
    }

    private async Task LoadAsync(int pageNumber, CancellationToken ct)
    {
        Rows = await queue.ListAsync(Filter, pageNumber, ct);
        if (actors.Actor.CommitteeId is { } own)
        {
            Categories = (await settings.GetAsync(own, ct)).CategoryList;
        }
    }
}
