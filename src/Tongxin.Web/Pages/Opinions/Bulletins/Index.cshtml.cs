using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Bulletins;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions.Bulletins;

/// <summary>/Opinions/Bulletins – 期刊编发: the bulletins, filtered by year, type and status, with an Excel export.</summary>
public class IndexModel(BulletinHandler bulletins, IActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public BulletinStatus? Status { get; set; }

    public PagedList<BulletinRow> Rows { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<string> Types { get; private set; } = [];

    public bool MayCreate => OpinionAccess.IsOpinionStaff(actors.Actor) && actors.Actor.CommitteeId is not null;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Rows = await bulletins.ListAsync(new BulletinFilter(Year, Type, Status), pageNumber, ct);
        Types = await bulletins.TypesAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await bulletins.ExportAsync(new BulletinFilter(Year, Type, Status), ct), ProposalFiles.ContentType, "社情民意期刊.xlsx");
}
