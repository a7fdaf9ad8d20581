using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.Committees;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Committees;

/// <summary>Without an id: a new child committee under the actor's own. With an id: the actor's own committee.</summary>
public class EditModel(CommitteeAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public CommitteeInput Input { get; set; } = new();

    public IReadOnlyList<CommitteeOption> Parents { get; private set; } = [];

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
            () => Id is { } id ? admin.UpdateAsync(id, Input, ct) : admin.CreateChildAsync(Input, ct),
            () => LoadAsync(ct),
            "政协组织已保存。",
            () => RedirectToPage("Index"));

    private async Task LoadAsync(CancellationToken ct) =>
        Parents = Id is { } id ? await admin.ParentOptionsAsync(id, ct) : [];
}
