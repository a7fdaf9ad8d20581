using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions;

/// <summary>代为录入 – staff enter a report from a non-member submitter; it is submitted at once.</summary>
public class EnterModel(EntryHandler entries) : PageModel
{
    [BindProperty]
    public EntryInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var (id, serial) = await entries.EnterAsync(Input, ct);
            TempData["Message"] = $"已录入并报送，收稿编号 {serial:D4}。";
            return RedirectToPage("/Opinions/Detail", new { id });
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var settings = await entries.SettingsAsync(ct);
        ViewData["MaxChars"] = settings.MaxChars;
        ViewData["Categories"] = settings.CategoryList;
    }
}
