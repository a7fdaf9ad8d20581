using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.PublicChannels.Studios;

/// <summary>Form handling of the studio and 码上征题 staff pages: an action the handler refuses is
/// shown on the same page (reloaded first, so the typed text stays), a success goes on with a message.</summary>
public abstract class StudioPageModel : PageModel
{
    // prefix: the bound form object's name ("Input"), so a handler's field "name" shows under "Input.Name".
    protected async Task<IActionResult> ActAsync(Func<Task> action, Func<Task> reload, string message, Func<IActionResult> next, string prefix = "")
    {
        if (ModelState.IsValid)
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
                        ModelState.AddModelError(FormKey(prefix, field), text);
                    }
                }
            }
            catch (ConflictException conflict)
            {
                ModelState.AddModelError("", conflict.Message);
            }
        }

        await reload();
        return Page();
    }

    private static string FormKey(string prefix, string field) =>
        field.Length == 0 || prefix.Length == 0 ? field : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
}
