using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Plan;

namespace Tongxin.Pages.Consultation.Plan;

/// <summary>选题库 – a year's topics with source, criteria notes and status; filters, Excel, drop/restore.</summary>
public class TopicsModel(TopicPoolHandler pool) : PlanPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public TopicSource? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public TopicStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public Tongxin.Platform.Web.PagedList<TopicPoolRow> Rows { get; private set; } = new([], 1, Tongxin.Platform.Web.Paging.DefaultPageSize, 0);

    public int SelectedYear => Year ?? pool.ThisYear;

    private TopicPoolFilter Filter => new(SelectedYear, Source, Status, Q);

    private int pageNumber = 1;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        this.pageNumber = pageNumber;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await pool.ExportAsync(Filter, ct), TopicPoolHandler.ContentType, $"{SelectedYear}年度选题库.xlsx");

    public Task<IActionResult> OnPostDropAsync(Guid id, int version, CancellationToken ct) =>
        ActAsync(() => pool.DropAsync(id, version, ct), () => LoadAsync(ct), "选题已设为未采用。", Back);

    public Task<IActionResult> OnPostRestoreAsync(Guid id, int version, CancellationToken ct) =>
        ActAsync(() => pool.RestoreAsync(id, version, ct), () => LoadAsync(ct), "选题已恢复到选题库。", Back);

    private IActionResult Back() => RedirectToPage(new { Year, Source, Status, Q });

    private async Task LoadAsync(CancellationToken ct) => Rows = await pool.ListAsync(Filter, pageNumber, ct);
}
