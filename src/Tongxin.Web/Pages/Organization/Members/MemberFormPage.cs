using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Members;

/// <summary>What the create and edit pages share: the bound form and its choices (rendered by <c>_MemberFields</c>).</summary>
public abstract class MemberFormPage : PageModel
{
    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public MemberFormOptions Options { get; protected set; } = new([], [], [], []);
}

public static class FormErrors
{
    /// <summary>Handler errors name the input's fields; the form's fields carry the bound property's prefix.</summary>
    public static void AddTo(this ValidationFailedException invalid, ModelStateDictionary modelState, string prefix)
    {
        foreach (var (field, messages) in invalid.Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(field.Length == 0 ? "" : prefix.Length == 0 ? field : $"{prefix}.{field}", message);
            }
        }
    }
}
