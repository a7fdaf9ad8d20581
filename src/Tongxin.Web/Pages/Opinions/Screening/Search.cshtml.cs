using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Search;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions.Screening;

/// <summary>社情民意检索 – full-text search over the reports the user may read (staff: their
/// readable committees; leaders: 采用 and later of their own), with filters.</summary>
public class SearchModel(OpinionSearch search, TongxinDbContext db, IActorAccessor actors, OpinionSettingsStore settings) : PageModel
{
    public sealed record Option(Guid Id, string Name);

    public string? Q { get; private set; }

    public OpinionSearchFilter Filter { get; private set; } = new();

    public OpinionStatus? Status { get; private set; }

    public PagedList<OpinionSearchHit> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<Option> Committees { get; private set; } = [];

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public async Task OnGetAsync(string? q, Guid? committeeId, int? year, OpinionStatus? status, string? category, OpinionSubmitterKind? kind, int page = 1, CancellationToken ct = default)
    {
        var a = actors.Actor;
        if (!OpinionAccess.IsOpinionStaff(a) && !OpinionAccess.IsLeader(a))
        {
            throw new ForbiddenException("只有社情民意工作人员和领导可以检索社情民意信息。");
        }

        Q = q;
        Status = status;
        Filter = new OpinionSearchFilter(committeeId, status is { } s ? [s] : null, year, category, kind);
        Results = await search.SearchAsync(q, Filter, page, ct: ct);
        var readable = a.ReadableCommitteeIds;
        Committees = await db.Committees.AsNoTracking().Where(c => readable.Contains(c.Id)).OrderBy(c => c.Level).ThenBy(c => c.Name)
            .Select(c => new Option(c.Id, c.Name)).ToListAsync(ct);
        if (a.CommitteeId is { } own)
        {
            Categories = (await settings.GetAsync(committeeId ?? own, ct)).CategoryList;
        }
    }

    public string CommitteeName(Guid id) => Committees.FirstOrDefault(c => c.Id == id)?.Name ?? "";

    /// <summary>Staff of the report's committee go to the screening page, everyone else to the report.</summary>
    public string Link(OpinionSearchHit hit) =>
        OpinionAccess.CanManage(actors.Actor, hit.CommitteeId) && hit.Status is OpinionStatus.Submitted or OpinionStatus.Kept
            ? $"/Opinions/Screening/Review/{hit.Id}"
            : $"/Opinions/Detail/{hit.Id}";
}
