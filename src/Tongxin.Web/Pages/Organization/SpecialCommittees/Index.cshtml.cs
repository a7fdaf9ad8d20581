using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.SpecialCommittees;

namespace Tongxin.Pages.Organization.SpecialCommittees;

public class IndexModel(SpecialCommitteeAdmin admin) : OrganizationPageModel
{
    public IReadOnlyList<SpecialCommitteeRow> SpecialCommittees { get; private set; } = [];
    public bool CanManage => admin.CanManage;

    public async Task OnGetAsync(CancellationToken ct) => SpecialCommittees = await admin.ListAsync(null, ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => admin.DeleteAsync(id, version, ct), "专门委员会已删除。");
}
