using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions.Bulletins;

namespace Tongxin.Pages.Opinions.Bulletins;

/// <summary>/Opinions/Bulletins/New – a new bulletin, its header prefilled from the committee's settings.</summary>
public class NewModel(BulletinHandler bulletins) : PageModel
{
    [BindProperty]
    public BulletinInput Input { get; set; } = new();

    public IReadOnlyList<string> Types { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = await bulletins.NewInputAsync(ct);
        Types = await bulletins.TypesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Types = await bulletins.TypesAsync(ct);
        var id = await bulletins.CreateAsync(Input, ct);
        return Redirect(BulletinsModule.DetailUrl(id));
    }
}
