using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Performance.MemberRecord;
using Tongxin.Platform.Calendar;

namespace Tongxin.Pages.Performance;

/// <summary>批量生成年度履职报告 – staff start a run for their committee-year, watch its progress
/// (htmx polls the progress fragment) and download the ZIP of one .docx per member.</summary>
public class ReportsModel(AnnualReportBatch batch, TimeProvider time) : PageModel
{
    [BindProperty]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public IReadOnlyList<AnnualReportJob> Runs { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Load();
        var job = await batch.StartAsync(Year, ct);
        return RedirectToPage(new { id = job.Id });
    }

    /// <summary>The progress fragment; it keeps polling while the run is open.</summary>
    public IActionResult OnGetProgress() => Partial("_ReportJobProgress", batch.Get(Id ?? Guid.Empty));

    public IActionResult OnGetDownload()
    {
        Load();
        var (content, name) = batch.Open(Id ?? Guid.Empty);
        return File(content, "application/zip", name);
    }

    private void Load()
    {
        Runs = batch.Runs();
        var thisYear = BeijingTime.Today(time).Year;
        Years = [.. Enumerable.Range(0, 5).Select(i => thisYear - i)];
        if (Year == 0)
        {
            Year = thisYear;
        }
    }
}
