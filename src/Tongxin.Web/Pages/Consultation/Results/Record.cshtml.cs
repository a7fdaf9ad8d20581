using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Results;

/// <summary>登记/修改意见建议 – staff record a suggestion raised at an activity (a member picked or a free name).</summary>
public class RecordModel(SuggestionHandler handler, SuggestionQueries queries, ConsultationAccess access) : PageModel
{
    [BindProperty]
    public SuggestionInput Input { get; set; } = new();

    public Activity Activity { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Members { get; private set; } = [];

    public bool Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid activityId, Guid? id, CancellationToken ct)
    {
        await LoadAsync(activityId, id, ct);
        if (id is { } suggestionId)
        {
            var s = (await queries.GetAsync(suggestionId, ct)).Suggestion;
            Input = new SuggestionInput { Title = s.Title, Content = s.Content, RaisedByMemberId = s.RaisedByMemberId, RaisedBy = s.RaisedByMemberId is null ? s.RaisedBy : "" };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid activityId, Guid? id, CancellationToken ct)
    {
        await LoadAsync(activityId, id, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            if (id is { } suggestionId)
            {
                await handler.UpdateAsync(suggestionId, Input, ct);
                TempData["Message"] = "意见建议已修改。";
                return Redirect($"/Consultation/Results/Suggestion/{suggestionId}");
            }

            await handler.RecordAsync(activityId, Input, ct);
            TempData["Message"] = "意见建议已登记。";
            return Redirect($"/Consultation/Activities/Detail/{activityId}");
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
            return Page();
        }
    }

    private async Task LoadAsync(Guid activityId, Guid? id, CancellationToken ct)
    {
        Activity = await access.LoadActivityForStaffAsync(activityId, ct);
        Members = await queries.MembersAsync(ct);
        Editing = id is not null;
    }
}
