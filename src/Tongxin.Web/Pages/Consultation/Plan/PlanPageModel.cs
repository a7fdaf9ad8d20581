using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Plan;

/// <summary>Shared action handling of the plan and topic pages: a refused action becomes form errors
/// shown on the page after its data is loaded again (the generic filter would render it unloaded).</summary>
public abstract class PlanPageModel : PageModel
{
    /// <summary>Runs an action from a form; on success shows <paramref name="message"/> on the next page.</summary>
    protected async Task<IActionResult> ActAsync(Func<Task> action, Func<Task> reload, string message, Func<IActionResult> next, string prefix = "")
    {
        try
        {
            await action();
            TempData["Message"] = message;
            return next();
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var text in messages)
                {
                    ModelState.AddModelError(field.Length == 0 || prefix.Length == 0 ? field : $"{prefix}.{field}", text);
                }
            }
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        await reload();
        return Page();
    }
}
