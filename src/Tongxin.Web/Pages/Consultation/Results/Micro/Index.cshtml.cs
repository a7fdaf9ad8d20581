using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Results.Micro;

/// <summary>微办理 – staff hand each 微建言 to a unit in one step on its row, or answer it on its page.</summary>
public class IndexModel(SuggestionQueries queries, SuggestionHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SuggestionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty]
    public Guid? HandlingUnitId { get; set; }

    public PagedList<SuggestionRow> Rows { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        await LoadAsync(pageNumber, ct);

    public async Task<IActionResult> OnPostAssignAsync(Guid id, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        await LoadAsync(pageNumber, ct);
        var due = await handler.AssignAsync(id, HandlingUnitId, ct);
        TempData["Message"] = $"微建言已交办，答复期限 {due:yyyy-MM-dd}。";
        return Redirect("/Consultation/Results/Micro");
    }

    private async Task LoadAsync(int pageNumber, CancellationToken ct)
    {
        Rows = await queries.MicroForStaffAsync(new SuggestionFilter(Status, Overdue), pageNumber, ct);
        Units = await queries.UnitsAsync(ct);
    }
}
