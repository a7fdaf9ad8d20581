using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Preparation;

/// <summary>Shared action handling of the preparation pages: a refusal the user can fix is shown
/// on the form (after the page's data is loaded again); one from a list button above the list.</summary>
public abstract class PreparationPageModel : PageModel
{
    /// <summary>The activity the page is about (route).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Runs a form's action; on success shows <paramref name="message"/> on the next page.</summary>
    protected async Task<IActionResult> FormActionAsync(Func<Task> action, Func<Task> reload, string message, Func<IActionResult> next, string prefix)
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
                    ModelState.AddModelError(field.Length == 0 ? "" : prefix.Length == 0 ? field : $"{prefix}.{field}", text);
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

    /// <summary>Runs an action started from a list button. On success it goes back to
    /// <paramref name="returnUrl"/> (a local address, e.g. the activity page the button was on) or
    /// this page; a refusal is shown above this page's list, since the other page may not show it.</summary>
    protected async Task<IActionResult> ListActionAsync(Func<Task<string>> action, string? returnUrl = null)
    {
        try
        {
            TempData["Message"] = await action();
            return returnUrl is not null && Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage(new { id = Id });
        }
        catch (ConflictException conflict)
        {
            TempData["Error"] = conflict.Message;
        }
        catch (ValidationFailedException invalid)
        {
            TempData["Error"] = invalid.Message;
        }

        return RedirectToPage(new { id = Id });
    }
}
