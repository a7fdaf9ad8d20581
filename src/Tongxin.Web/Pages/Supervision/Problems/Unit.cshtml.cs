using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Problems;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Supervision.Problems;

/// <summary>承办监督问题 – the unit's inbox: the problems assigned to it, with their reply deadlines.</summary>
public class UnitModel(ProblemQueries queries, IActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ProblemFilter Filter { get; set; } = new();

    public PagedList<ProblemRow> Rows { get; private set; } = new([], 1, ProblemQueries.PageSize, 0);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        if (!SupervisionAccess.IsUnit(actors.Actor))
        {
            throw new ForbiddenException("只有承办单位可以查看承办的监督问题。");
        }

        Rows = await queries.ListAsync(Filter, pageNumber, ct);
    }
}
