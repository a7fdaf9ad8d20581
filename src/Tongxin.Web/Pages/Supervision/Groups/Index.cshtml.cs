using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Modules.Supervision.Groups;
using Tongxin.Modules.Supervision.Topics;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Supervision.Groups;

/// <summary>民主监督员小组 – the committee's groups with member and activity counts, filters, paging and Excel.</summary>
public class IndexModel(GroupQueries queries, TopicHandler topics) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public GroupFilter Filter { get; set; } = new();

    public PagedList<GroupRow> Rows { get; private set; } = new([], 1, GroupQueries.PageSize, 0);

    public IReadOnlyList<TopicOption> Topics { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Rows = await queries.ListAsync(Filter, pageNumber, ct);
        Topics = await topics.OptionsAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await queries.ExportAsync(Filter, ct), ProposalFiles.ContentType, GroupQueries.ExportName);
}
