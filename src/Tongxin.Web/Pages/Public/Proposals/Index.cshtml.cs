using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Search;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Public.Proposals;

/// <summary>公开提案 – anyone, without signing in, browses and searches the filed proposals whose
/// proposers agreed to publication, across committees.</summary>
[AllowAnonymous]
public class IndexModel(PublicProposals proposals) : PageModel
{
    public string? Q { get; private set; }
    public Guid? CommitteeId { get; private set; }
    public int? Year { get; private set; }
    public IReadOnlyList<PublicProposals.CommitteeOption> Committees { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> CommitteeNames { get; private set; } = new Dictionary<Guid, string>();
    public PagedList<ProposalSearchHit> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(string? q, Guid? committeeId, int? year, int page = 1, CancellationToken ct = default)
    {
        (Q, CommitteeId, Year) = (q, committeeId, year);
        Committees = await proposals.CommitteesAsync(ct);
        CommitteeNames = Committees.ToDictionary(c => c.Id, c => c.Name);
        Results = proposals.Search(q, new ProposalSearchFilter(committeeId, Year: year), page);
    }
}
