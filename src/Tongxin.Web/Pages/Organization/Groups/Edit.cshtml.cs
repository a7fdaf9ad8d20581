using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.Groups;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Groups;

public class EditModel(MemberGroupAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public MemberGroupInput Input { get; set; } = new();

    public IReadOnlyList<SectorOption> Sectors { get; private set; } = [];

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

        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(
            () => Id is { } id ? admin.UpdateAsync(id, Input, ct) : admin.CreateAsync(Input, ct),
            () => LoadAsync(ct),
            "小组已保存。",
            () => RedirectToPage("Index"));

    private async Task LoadAsync(CancellationToken ct) => Sectors = await admin.SectorOptionsAsync(ct);
}
