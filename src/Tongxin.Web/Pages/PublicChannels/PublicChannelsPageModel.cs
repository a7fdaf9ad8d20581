using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.PublicChannels;

/// <summary>Shared action handling of the 公众渠道 staff pages: a refused action is shown as a form
/// error (after the page's data is loaded again) or, from a list, above the list.</summary>
public abstract class PublicChannelsPageModel : PageModel
{
    /// <summary>Runs an action from a form; on success shows <paramref name="message"/> on the next page.</summary>
    protected async Task<IActionResult> ActAsync(Func<Task> action, Func<Task> reload, string message, Func<IActionResult> next, string fieldPrefix = "")
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
                    ModelState.AddModelError(field.Length == 0 || field.StartsWith(fieldPrefix, StringComparison.Ordinal) ? field : fieldPrefix + field, text);
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

    /// <summary>Runs an action started from a list and returns to it; a refusal is shown above the list.</summary>
    protected async Task<IActionResult> ListActionAsync(Func<Task> action, string message, object? routeValues = null)
    {
        try
        {
            await action();
            TempData["Message"] = message;
        }
        catch (ConflictException conflict)
        {
            TempData["Error"] = conflict.Message;
        }

        return RedirectToPage(routeValues);
    }
}
