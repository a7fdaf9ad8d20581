using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Activities;

/// <summary>新建/修改活动 – the staff form; <c>?planItemId=</c> fills a new activity from a plan item and links it.</summary>
public class EditModel(ActivityHandler activities) : PageModel
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public ActivityOptions Options { get; private set; } = new([], [], [], []);

    public Guid? Id { get; private set; }

    public async Task OnGetAsync(Guid? id, Guid? planItemId, CancellationToken ct)
    {
        Id = id;
        Input = id is { } existing ? await activities.GetInputAsync(existing, ct) : await activities.NewInputAsync(planItemId, ct);
        Options = await activities.OptionsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        try
        {
            if (id is { } existing)
            {
                await activities.UpdateAsync(existing, Input, ct);
                TempData["Message"] = "活动已保存。";
                return RedirectToPage("Detail", new { id = existing });
            }

            var created = await activities.CreateAsync(Input, ct);
            TempData["Message"] = "活动已创建（草稿），请邀请委员后发布。";
            return RedirectToPage("Detail", new { id = created });
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        Options = await activities.OptionsAsync(ct);
        return Page();
    }
}
