using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Results.Micro;

/// <summary>我的微建言 – the member's own micro-suggestions and the answers.</summary>
public class MyModel(SuggestionQueries queries) : PageModel
{
    public PagedList<SuggestionRow> Rows { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> Answers { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Rows = await queries.MyMicroAsync(pageNumber, ct);
        Answers = await queries.AnswersAsync(Rows.Items.Select(r => r.Id), ct);
    }
}
