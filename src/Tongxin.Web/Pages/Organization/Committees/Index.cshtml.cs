using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.Committees;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Committees;

public class IndexModel(CommitteeAdmin admin, IActorAccessor actors) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<CommitteeRow> Committees { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanManage => admin.CanManage;
    public Guid? OwnCommitteeId => actors.Actor.CommitteeId;

    public async Task OnGetAsync(CancellationToken ct) => Committees = await admin.ListAsync(Search, PageNumber, ct);
}
