using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Review;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals;

/// <summary>提案工作设置 – the committee's numbers and lists (DOMAIN.md §3 defaults).</summary>
public class SettingsModel(ProposalSettingsHandler settings) : PageModel
{
    [BindProperty]
    public ProposalSettingsInput Input { get; set; } = new();

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

        TempData["Message"] = "提案工作设置已保存。";
        return RedirectToPage();
    }
}
