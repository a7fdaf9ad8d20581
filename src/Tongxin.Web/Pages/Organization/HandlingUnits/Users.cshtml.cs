using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.HandlingUnits;

namespace Tongxin.Pages.Organization.HandlingUnits;

public class UsersModel(HandlingUnitAdmin units, HandlingUnitUserAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public HandlingUnitUserInput Input { get; set; } = new();

    public HandlingUnitRow Unit { get; private set; } = null!;
    public IReadOnlyList<HandlingUnitUserRow> Users { get; private set; } = [];
    public bool CanManage => units.CanManage;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(
            () => admin.CreateAsync(Id, Input, ct),
            () => LoadAsync(ct),
            $"已为该单位新建用户账号“{Input.UserName}”。",
            () => RedirectToPage(new { Id }));

    public Task<IActionResult> OnPostDisableAsync(Guid userId, CancellationToken ct) =>
        ListActionAsync(() => admin.SetDisabledAsync(userId, true, ct), "账号已停用。", new { Id });

    public Task<IActionResult> OnPostEnableAsync(Guid userId, CancellationToken ct) =>
        ListActionAsync(() => admin.SetDisabledAsync(userId, false, ct), "账号已启用。", new { Id });

    private async Task LoadAsync(CancellationToken ct)
    {
        Unit = await units.GetAsync(Id, ct);
        Users = await admin.ListAsync(Id, ct);
    }
}
