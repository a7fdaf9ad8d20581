using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Results;

/// <summary>承办意见建议 – the unit's own suggestions, with their deadlines and overdue flags.</summary>
public class UnitModel(SuggestionQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SuggestionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public PagedList<SuggestionRow> Rows { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Rows = await queries.ForUnitAsync(new SuggestionFilter(Status, Overdue), pageNumber, ct);
}
