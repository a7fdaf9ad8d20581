using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Evaluation;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Evaluation;

/// <summary>评价项目 – the committee's projects, newest first (evaluation staff; the handler refuses others).</summary>
public class IndexModel(ProjectHandler projects) : PageModel
{
    public PagedList<ProjectRow> Rows { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Rows = await projects.ListAsync(pageNumber, ct);
}
