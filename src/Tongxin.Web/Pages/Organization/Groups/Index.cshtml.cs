using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Groups;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Groups;

public class IndexModel(MemberGroupAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public GroupKind? Kind { get; set; }

    public PagedList<MemberGroupRow> Groups { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanManage => admin.CanManage;

    // "page" is also the Razor Pages route value (the page's path), so the number is read from the query explicitly.
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Groups = await admin.ListAsync(Kind, pageNumber, null, ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => admin.DeleteAsync(id, version, ct), "小组已删除。", new { Kind });
}
