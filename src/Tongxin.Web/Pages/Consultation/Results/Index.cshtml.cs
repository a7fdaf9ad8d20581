using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Results;

/// <summary>意见建议办理 – the committee's suggestions raised at activities, for 交办 and 回头看.</summary>
public class IndexModel(SuggestionQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SuggestionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public PagedList<SuggestionRow> Rows { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Rows = await queries.ActivitySuggestionsForStaffAsync(new SuggestionFilter(Status, Overdue), pageNumber, ct);
}
