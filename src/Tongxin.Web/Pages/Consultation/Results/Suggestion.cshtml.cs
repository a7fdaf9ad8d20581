using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Results;

namespace Tongxin.Pages.Consultation.Results;

/// <summary>意见建议 – one suggestion with its steps; staff assign, delete and close here, the unit answers,
/// the office answers a 微建言 itself. The handlers decide who may; the page shows each form only to them.</summary>
public class SuggestionModel(SuggestionHandler handler, SuggestionQueries queries) : PageModel
{
    [BindProperty]
    public Guid? HandlingUnitId { get; set; }

    [BindProperty]
    public SuggestionAnswer? Answer { get; set; }

    [BindProperty]
    public string? AnswerText { get; set; }

    [BindProperty]
    public string? FollowUp { get; set; }

    public SuggestionView View { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var due = await handler.AssignAsync(id, HandlingUnitId, ct);
        return Done(id, $"已交办，答复期限 {due:yyyy-MM-dd}。");
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        await handler.AnswerAsync(id, Answer, AnswerText, ct);
        return Done(id, "答复已提交。");
    }

    public async Task<IActionResult> OnPostOfficeAnswerAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        await handler.AnswerAsOfficeAsync(id, Answer, AnswerText, ct);
        return Done(id, "已直接答复并办结。");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        await handler.CloseAsync(id, FollowUp, ct);
        return Done(id, "已办结。");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        await handler.DeleteAsync(id, ct);
        TempData["Message"] = "意见建议已删除。";
        return Redirect(View.Suggestion.ActivityId is { } activityId ? $"/Consultation/Activities/Detail/{activityId}" : "/Consultation/Results/Micro");
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData["Message"] = message;
        return Redirect($"/Consultation/Results/Suggestion/{id}");
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        View = await queries.GetAsync(id, ct);
        if (View.CanAssign)
        {
            Units = await queries.UnitsAsync(ct);
        }
    }
}
