using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision.Figures;
using Tongxin.Platform.Calendar;

namespace Tongxin.Pages.Supervision.Figures;

/// <summary>民主监督统计 – the committee's year in one sentence and per group, with the Excel export.</summary>
public class IndexModel(SupervisionFigures figures, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public SupervisionYearFigures Figures { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await figures.GetAsync(Year, ct);
        var thisYear = BeijingTime.Today(time).Year;
        Years = [.. Enumerable.Range(0, 6).Select(i => thisYear - i).Append(Figures.Year).Distinct().OrderDescending()];
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var (content, name) = await figures.ExportAsync(Year, ct);
        return File(content, SupervisionFigures.ContentType, name);
    }
}
