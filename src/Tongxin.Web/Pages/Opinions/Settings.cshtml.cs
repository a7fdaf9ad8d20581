using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions;

/// <summary>社情民意工作设置 – length limit, lists, bulletin defaults and scoring rules of the committee.</summary>
public class SettingsModel(OpinionSettingsHandler settings) : PageModel
{
    [BindProperty]
    public OpinionSettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Input = await settings.GetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await settings.SaveAsync(Input, ct);
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
            return Page();
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
            return Page();
        }

        TempData["Message"] = "社情民意工作设置已保存。";
        return RedirectToPage();
    }
}
