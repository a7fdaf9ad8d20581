using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions.Statistics;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions.Statistics;

/// <summary>The long statistics tables page by page: the member ranking or the submitters.</summary>
public class RankingModel(OpinionStatisticsHandler statistics) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>"members" (委员积分排名) or "submitters" (按报送人).</summary>
    [BindProperty(SupportsGet = true)]
    public string? List { get; set; }

    public OpinionYearStatistics Statistics { get; private set; } = null!;

    public bool Submitters => List == "submitters";

    public PagedList<MemberOpinionScore> Members { get; private set; } = null!;

    public PagedList<OpinionFigures> SubmitterRows { get; private set; } = null!;

    // "page" is also the Razor Pages route value, so the number comes from the query explicitly.
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        // The tables are aggregates of a committee-year (hundreds of rows at most), paged here.
        Statistics = await statistics.GetAsync(CommitteeId, Year, ct);
        Members = Statistics.Members.ToPagedList(pageNumber, PageSize);
        SubmitterRows = Statistics.BySubmitter.ToPagedList(pageNumber, PageSize);
    }
}
