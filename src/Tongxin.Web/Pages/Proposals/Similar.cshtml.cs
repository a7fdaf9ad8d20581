using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Search;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Pages.Proposals;

/// <summary>相似提案 fragment (no layout) for htmx: the drafting and review pages post the text
/// and show the list where they want it. See SearchModule for the contract.</summary>
public class SimilarModel(ProposalSimilarity similarity, IActorAccessor actors) : PageModel
{
    public IReadOnlyList<SimilarProposal> Results { get; private set; } = [];

    public bool Asked { get; private set; }

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync([FromForm] string? text, [FromForm] Guid? excludeId, [FromForm] bool linked, [FromForm] Guid? committeeId, CancellationToken ct)
    {
        Asked = !string.IsNullOrWhiteSpace(text);
        if (Asked && (committeeId ?? actors.Actor.CommitteeId) is { } committee)
        {
            Results = await similarity.FindAsync(committee, text!, excludeId, linked, 10, ct);
        }

        return Page();
    }
}
