using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals.Manage;

/// <summary>提案管理 – the proposal staff's filtered list; status 待审查 is the review queue.</summary>
public class IndexModel(ProposalListHandler list, ProposalExcelExport excel) : PageModel
{
    /// <summary>Bound from the query string without a prefix (committeeId=…&amp;status=…).</summary>
    public ProposalFilter Filter { get; private set; } = new();

    public PagedList<ProposalRow> Rows { get; private set; } = new([], 1, ProposalListHandler.PageSize, 0);

    public ProposalListOptions Options { get; private set; } = new([], [], [], [], [], Guid.Empty);

    public bool IsReviewQueue => Filter.Status == Tongxin.Modules.Proposals.ProposalStatus.Submitted;

    public async Task OnGetAsync([FromQuery] ProposalFilter filter, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Filter = filter;
        Options = await list.OptionsAsync(filter.CommitteeId, ct);
        Rows = await list.ListAsync(filter, pageNumber, ct);
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] ProposalFilter filter, CancellationToken ct) =>
        File(await excel.ExportAsync(filter, ct), ProposalFiles.ContentType, ProposalFiles.ListName);
}
