using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Groups;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Groups;

public class IndexModel(MemberGroupAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public GroupKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<MemberGroupRow> Groups { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanManage => admin.CanManage;

    public async Task OnGetAsync(CancellationToken ct) => Groups = await admin.ListAsync(Kind, PageNumber, null, ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => admin.DeleteAsync(id, version, ct), "小组已删除。", new { Kind, page = PageNumber });
}
