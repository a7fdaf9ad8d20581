using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.HandlingUnits;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.HandlingUnits;

public class EditModel(HandlingUnitAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public HandlingUnitInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Input = await admin.GetForEditAsync(id, ct);
        }
        else if (!admin.CanManage)
        {
            throw new ForbiddenException();
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(
            () => Id is { } id ? admin.UpdateAsync(id, Input, ct) : admin.CreateAsync(Input, ct),
            () => Task.CompletedTask,
            "承办单位已保存。",
            () => RedirectToPage("Index"));
}
