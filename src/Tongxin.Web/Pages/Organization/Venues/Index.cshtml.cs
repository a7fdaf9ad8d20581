using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Venues;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Venues;

public class IndexModel(VenueAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public VenueKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<VenueRow> Venues { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanManage => admin.CanManage;

    public async Task OnGetAsync(CancellationToken ct) => Venues = await admin.ListAsync(Kind, Search, PageNumber, null, ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => admin.DeleteAsync(id, version, ct), "履职平台已删除。", new { Kind, Search, page = PageNumber });
}
