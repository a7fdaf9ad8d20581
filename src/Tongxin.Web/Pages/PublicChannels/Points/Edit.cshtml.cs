using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.PublicChannels.Points;

namespace Tongxin.Pages.PublicChannels.Points;

/// <summary>新增/修改联络点.</summary>
public class EditModel(LiaisonPointAdmin admin) : PublicChannelsPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public LiaisonPointInput Input { get; set; } = new();

    public IReadOnlyList<ResponsibleOption> Members { get; private set; } = [];

    public IReadOnlyList<ResponsibleOption> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            Input = await admin.GetForEditAsync(id, ct);
        }

        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        ActAsync(
            async () =>
            {
                if (Id is { } id)
                {
                    await admin.UpdateAsync(id, Input, ct);
                }
                else
                {
                    Id = await admin.CreateAsync(Input, ct);
                }
            },
            () => LoadAsync(ct),
            "联络点已保存。",
            () => RedirectToPage("Index"));

    private async Task LoadAsync(CancellationToken ct)
    {
        Members = await admin.MemberOptionsAsync(ct);
        Staff = await admin.StaffOptionsAsync(ct);
    }
}
