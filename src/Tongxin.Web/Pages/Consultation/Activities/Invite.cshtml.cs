using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Activities;

/// <summary>邀请委员 – by special committee, sector, member group, or picked one by one.</summary>
public class InviteModel(ActivityHandler activities, ActivityQueries queries) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public ActivityDetail Activity { get; private set; } = null!;

    public ActivityOptions Options { get; private set; } = new([], [], [], []);

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var count = await activities.InviteAsync(id, Input, ct);
            TempData["Message"] = count == 0 ? "所选委员均已在参加名单中。" : $"已邀请 {count} 位委员。";
            return RedirectToPage("Detail", new { id });
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Activity = await queries.StaffDetailAsync(id, ct);
        Options = await activities.OptionsAsync(ct);
    }
}
