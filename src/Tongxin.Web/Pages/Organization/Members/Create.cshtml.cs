using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Members;

public class CreateModel(MemberRosterHandler roster) : MemberFormPage
{
    public async Task OnGetAsync(CancellationToken ct) => (Input, Options) = await roster.NewAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Loaded first, so any outcome below can render the form again.
        Options = (await roster.NewAsync(ct)).Options;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var id = await roster.CreateAsync(Input, ct);
            TempData["Message"] = "已新增委员";
            return RedirectToPage("Details", new { id });
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
            return Page();
        }
    }
}
