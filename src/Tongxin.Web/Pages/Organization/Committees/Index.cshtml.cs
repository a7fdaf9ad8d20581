using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.Committees;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Committees;

public class IndexModel(CommitteeAdmin admin, IActorAccessor actors) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public PagedList<CommitteeRow> Committees { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanManage => admin.CanManage;
    public Guid? OwnCommitteeId => actors.Actor.CommitteeId;

    // "page" is also the Razor Pages route value (the page's path), so the number is read from the query explicitly.
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Committees = await admin.ListAsync(Search, pageNumber, ct);
}
