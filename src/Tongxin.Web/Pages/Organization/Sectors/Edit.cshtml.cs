using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.Sectors;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Sectors;

public class EditModel(SectorAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public SectorInput Input { get; set; } = new();

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
            "界别已保存。",
            () => RedirectToPage("Index"));
}
