using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Problems;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Supervision.Problems;

/// <summary>问题清单 – staff see their committee's problems with filters and the Excel export;
/// a supervisor sees the problems of their groups and their own.</summary>
public class IndexModel(ProblemQueries queries, IActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ProblemFilter Filter { get; set; } = new();

    public PagedList<ProblemRow> Rows { get; private set; } = new([], 1, ProblemQueries.PageSize, 0);

    public IReadOnlyList<(Guid Id, string Name)> Groups { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Title)> Topics { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public bool IsStaff => SupervisionAccess.IsSupervisionStaff(actors.Actor);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        if (!IsStaff && !SupervisionAccess.IsMember(actors.Actor))
        {
            throw new ForbiddenException("只有民主监督工作人员和委员可以查看问题清单。");
        }

        Rows = await queries.ListAsync(Filter, pageNumber, ct);
        Groups = await queries.GroupsAsync(ct);
        Topics = await queries.TopicsAsync(ct);
        if (IsStaff && actors.Actor.CommitteeId is { } committeeId)
        {
            Units = await queries.UnitsAsync(committeeId, ct);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await queries.ExportAsync(Filter, ct), ProposalFiles.ContentType, ProblemQueries.ExportName);
}
