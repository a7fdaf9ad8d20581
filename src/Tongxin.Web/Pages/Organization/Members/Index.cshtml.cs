using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Members;

public class IndexModel(MemberRosterHandler roster, RosterExcelHandler excel, IActorAccessor actorAccessor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SectorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Party { get; set; }

    [BindProperty(SupportsGet = true)]
    public Position? Position { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Active { get; set; }

    /// <summary>Read from the query in OnGet: "page" is also Razor Pages' own route value, so a bound property never sees it.</summary>
    public int PageNumber { get; private set; } = 1;

    public PagedList<MemberRow> Members { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public MemberFormOptions Options { get; private set; } = new([], [], [], []);

    public bool CanManage { get; private set; }

    private MemberFilter Filter => new(Name, SectorId, Party, Position, Active);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        PageNumber = pageNumber;
        Members = await roster.ListAsync(Filter, PageNumber, ct);
        Options = await roster.OptionsAsync(roster.OwnCommitteeId, ct);
        CanManage = OrganizationPermissions.CanManage(actorAccessor.Actor, roster.OwnCommitteeId);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await excel.ExportAsync(Filter, ct), RosterFiles.ContentType, RosterFiles.ExportName);
}
