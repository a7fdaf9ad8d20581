using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals.My;

/// <summary>我的提案 – every own and co-signed proposal over all years.</summary>
public class IndexModel(MyProposalsHandler mine) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProposalStatus? Status { get; set; }

    public PagedList<MyProposalRow> Proposals { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Proposals = await mine.ListAsync(Year, Status, pageNumber, ct);
        Years = await mine.YearsAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await mine.ExportAsync(Year, Status, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MyProposalsHandler.ExportName);
}
