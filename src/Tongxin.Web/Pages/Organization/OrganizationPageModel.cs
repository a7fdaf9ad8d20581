using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization;

/// <summary>Shared form handling of the organisation pages: the handlers name fields as the API
/// does ("name"), the forms bind them under "Input." – this maps one onto the other.</summary>
public abstract class OrganizationPageModel : PageModel
{
    /// <summary>Runs a save; a rule the handler refuses is shown on the form, which is reloaded first
    /// so that its drop-downs are filled again.</summary>
    protected async Task<IActionResult> SaveAsync(Func<Task> save, Func<Task> reload, string message, Func<IActionResult> next)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await save();
                TempData["Message"] = message;
                return next();
            }
            catch (ValidationFailedException invalid)
            {
                foreach (var (field, messages) in invalid.Errors)
                {
                    foreach (var text in messages)
                    {
                        ModelState.AddModelError(FormKey(field), text);
                    }
                }
            }
            catch (ConflictException conflict)
            {
                ModelState.AddModelError("", conflict.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError("", new ConflictException().Message);
            }
        }

        await reload();
        return Page();
    }

    /// <summary>Runs an action started from a list (delete, enable …) and returns to the list; a refusal is shown above it.</summary>
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
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = new ConflictException().Message;
        }

        return RedirectToPage(routeValues);
    }

    private static string FormKey(string field) =>
        field.Length == 0 ? "" : $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}";
}
