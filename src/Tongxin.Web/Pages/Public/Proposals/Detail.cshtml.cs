using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Search;

namespace Tongxin.Pages.Public.Proposals;

/// <summary>公开提案全文 – the proposal's text, proposers and approved replies, without signing in.</summary>
[AllowAnonymous]
public class DetailModel(PublicProposals proposals) : PageModel
{
    public PublicProposals.PublicProposal Proposal { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Proposal = await proposals.GetAsync(id, ct);
}
