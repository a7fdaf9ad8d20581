using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.Venues;

namespace Tongxin.Pages.Organization.Venues;

public class EditModel(VenueAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public VenueInput Input { get; set; } = new();

    public IReadOnlyList<MemberOption> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Input = await admin.GetForEditAsync(id, ct);
        }

        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(
            () => Id is { } id ? admin.UpdateAsync(id, Input, ct) : admin.CreateAsync(Input, ct),
            () => LoadAsync(ct),
            "履职平台已保存。",
            () => RedirectToPage("Index"));

    /// <summary>Only a manager may list the members to choose from, so this also guards the create form.</summary>
    private async Task LoadAsync(CancellationToken ct) => Members = await admin.LeadMemberOptionsAsync(ct);
}
