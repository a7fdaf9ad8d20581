using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.Sectors;

namespace Tongxin.Pages.Organization.Sectors;

public class IndexModel(SectorAdmin admin) : OrganizationPageModel
{
    public IReadOnlyList<SectorRow> Sectors { get; private set; } = [];
    public bool CanManage => admin.CanManage;

    public async Task OnGetAsync(CancellationToken ct) => Sectors = await admin.ListAsync(null, ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => admin.DeleteAsync(id, version, ct), "界别已删除。");
}
