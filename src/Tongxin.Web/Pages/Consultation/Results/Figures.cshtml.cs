using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Calendar;

namespace Tongxin.Pages.Consultation.Results;

/// <summary>协商成果统计 – the committee's year by activity type and venue, with the Excel export.</summary>
public class FiguresModel(ResultsFigures figures, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ResultsYearFigures Figures { get; private set; } = null!;

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
        return File(content, ResultsFigures.ContentType, name);
    }
}
