using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Members;

public class EditModel(MemberRosterHandler roster) : MemberFormPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => (Input, Options) = await roster.EditAsync(Id, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Options = (await roster.EditAsync(Id, ct)).Options;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await roster.UpdateAsync(Id, Input, ct);
            TempData["Message"] = "已保存委员信息";
            return RedirectToPage("Details", new { id = Id });
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
            return Page();
        }
    }
}
