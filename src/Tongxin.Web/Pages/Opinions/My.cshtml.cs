using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions;

/// <summary>我的社情民意 – the member's reports of all years, with status and outcomes.</summary>
public class MyModel(MyReportsHandler reports) : PageModel
{
    public PagedList<MyReportRow> Reports { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int? Year { get; private set; }

    public OpinionStatus? Status { get; private set; }

    public async Task OnGetAsync(int? year, OpinionStatus? status, int page = 1, CancellationToken ct = default)
    {
        Year = year;
        Status = status;
        Years = await reports.YearsAsync(ct);
        Reports = await reports.ListAsync(year, status, page, ct);
    }
}
