using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions.Statistics;
using Tongxin.Platform.Calendar;

namespace Tongxin.Pages.Opinions.Statistics;

/// <summary>社情民意统计 – a committee-year's figures, breakdowns and the member ranking, with Excel exports.</summary>
public class IndexModel(OpinionStatisticsHandler statistics, OpinionStatisticsExcel excel, TimeProvider time) : PageModel
{
    /// <summary>Rows of the long tables shown here; the rest is on the paged list and in the export.</summary>
    public const int TopRows = 20;

    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public OpinionStatisticsTable? Table { get; set; }

    public OpinionYearStatistics Statistics { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Committees { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Statistics = await statistics.GetAsync(CommitteeId, Year, ct);
        Committees = await statistics.CommitteesAsync(ct);
        var thisYear = BeijingTime.Today(time).Year;
        Years = [.. Enumerable.Range(0, 6).Select(i => thisYear - i).Append(Statistics.Year).Distinct().OrderDescending()];
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var (content, name) = await excel.ExportAsync(CommitteeId, Year, Table, ct);
        return File(content, OpinionStatisticsExcel.ContentType, name);
    }
}
