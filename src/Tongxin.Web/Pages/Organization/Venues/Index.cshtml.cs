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

    public PagedList<VenueRow> Venues { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanManage => admin.CanManage;

    // "page" is also the Razor Pages route value (the page's path), so the number is read from the query explicitly.
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Venues = await admin.ListAsync(Kind, Search, pageNumber, null, ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => admin.DeleteAsync(id, version, ct), "履职平台已删除。", new { Kind, Search });
}
