using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals.Manage;

/// <summary>超期与临期提案 – staff see every unit, a unit user its own assignments.</summary>
public class DeadlinesModel(ProposalDeadlineHandler deadlines) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DueFilter Due { get; set; } = DueFilter.Overdue;

    public PagedList<DeadlineRow> Rows { get; private set; } = new([], 1, ProposalListHandler.PageSize, 0);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Rows = await deadlines.ListAsync(Due, pageNumber, ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await deadlines.ExportAsync(Due, ct), ProposalFiles.ContentType, ProposalFiles.DeadlinesName);
}
