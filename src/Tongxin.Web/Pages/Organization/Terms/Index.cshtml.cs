using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.Terms;

namespace Tongxin.Pages.Organization.Terms;

public class IndexModel(TermAdmin admin) : OrganizationPageModel
{
    public IReadOnlyList<TermRow> Terms { get; private set; } = [];
    public bool CanManage => admin.CanManage;

    public async Task OnGetAsync(CancellationToken ct) => Terms = await admin.ListAsync(null, ct);

    public Task<IActionResult> OnPostMakeCurrentAsync(Guid id, CancellationToken ct) =>
        ListActionAsync(() => admin.MakeCurrentAsync(id, ct), "已设为当前会议。");

    public Task<IActionResult> OnPostDeleteSessionAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => admin.DeleteSessionAsync(id, version, ct), "会议已删除。");

    public Task<IActionResult> OnPostDeleteTermAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => admin.DeleteTermAsync(id, version, ct), "届次已删除。");
}
