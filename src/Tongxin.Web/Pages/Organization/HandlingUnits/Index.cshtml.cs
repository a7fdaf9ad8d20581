using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.HandlingUnits;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.HandlingUnits;

public class IndexModel(HandlingUnitAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<HandlingUnitRow> Units { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanManage => admin.CanManage;

    public async Task OnGetAsync(CancellationToken ct) => Units = await admin.ListAsync(Search, true, PageNumber, null, ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => admin.DeleteAsync(id, version, ct), "承办单位已删除。", new { Search, page = PageNumber });
}
