using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.Terms;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Terms;

public class EditModel(TermAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public TermInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Input = await admin.GetTermForEditAsync(id, ct);
        }
        else if (!admin.CanManage)
        {
            throw new ForbiddenException();
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(
            () => Id is { } id ? admin.UpdateTermAsync(id, Input, ct) : admin.CreateTermAsync(Input, ct),
            () => Task.CompletedTask,
            "届次已保存。",
            () => RedirectToPage("Index"));
}
