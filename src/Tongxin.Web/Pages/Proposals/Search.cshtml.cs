using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Search;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals;

/// <summary>提案检索 – full-text search over the proposals the user may read, with filters.</summary>
public class SearchModel(ProposalSearch search, TongxinDbContext db, IActorAccessor actors, ProposalSettingsStore settings) : PageModel
{
    public sealed record Option(string Value, string Label);

    public string? Q { get; private set; }
    public ProposalSearchFilter Filter { get; private set; } = new();
    public PagedList<ProposalSearchHit> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public IReadOnlyList<Option> Committees { get; private set; } = [];
    public IReadOnlyList<Option> Sessions { get; private set; } = [];
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> CommitteeNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(string? q, Guid? committeeId, Guid? sessionId, int? year, ProposalStatus? status, string? category, int page = 1, CancellationToken ct = default)
    {
        Q = q;
        Filter = new ProposalSearchFilter(committeeId, sessionId, year, status, category);
        Results = await search.SearchAsync(q, Filter, page, ct: ct);
        var readable = actors.Actor.ReadableCommitteeIds;
        var committees = await db.Committees.AsNoTracking().Where(c => readable.Contains(c.Id)).OrderBy(c => c.Level).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        CommitteeNames = committees.ToDictionary(c => c.Id, c => c.Name);
        Committees = [.. committees.Select(c => new Option(c.Id.ToString(), c.Name))];
        Sessions = await db.Sessions.AsNoTracking().Where(s => committeeId == null || s.CommitteeId == committeeId)
            .OrderByDescending(s => s.StartDate).Take(50)
            .Select(s => new Option(s.Id.ToString(), s.Name)).ToListAsync(ct);
        if (actors.Actor.CommitteeId is { } own)
        {
            Categories = (await settings.GetAsync(committeeId ?? own, ct)).CategoryList;
        }
    }
}
