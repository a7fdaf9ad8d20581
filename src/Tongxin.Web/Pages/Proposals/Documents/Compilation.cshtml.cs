using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Documents;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals.Documents;

/// <summary>/Proposals/Documents/Compilation: the sessions to choose from; with ?sessionId= the
/// session's 提案汇编 as a Word download.</summary>
public class CompilationModel(ProposalDocumentsHandler documents) : PageModel
{
    public PagedList<CompilationSession> Sessions { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task<IActionResult> OnGetAsync(Guid? sessionId, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        if (sessionId is { } id)
        {
            var file = await documents.CompilationAsync(id, ct);
            return File(file.Content, ProposalDocuments.ContentType, file.FileName);
        }

        Sessions = await documents.CompilationSessionsAsync(pageNumber, ct);
        return Page();
    }
}
