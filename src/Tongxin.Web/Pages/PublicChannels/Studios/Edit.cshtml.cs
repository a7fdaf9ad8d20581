using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.PublicChannels.Studios;

namespace Tongxin.Pages.PublicChannels.Studios;

/// <summary>新增/修改委员工作室.</summary>
public class EditModel(StudioAdmin admin) : StudioPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public StudioInput Input { get; set; } = new();

    public string? Token { get; private set; }

    public IReadOnlyList<HostOption> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            (Input, Token) = await admin.GetForEditAsync(id, ct);
        }

        Members = await admin.HostOptionsAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        ActAsync(
            () => Id is { } id ? admin.UpdateAsync(id, Input, ct) : admin.CreateAsync(Input, ct),
            async () => Members = await admin.HostOptionsAsync(ct),
            "委员工作室已保存。",
            () => RedirectToPage("Index"),
            "Input");
}
