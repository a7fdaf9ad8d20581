using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Documents;

namespace Tongxin.Pages.Proposals.Documents;

/// <summary>/Proposals/Documents/Form/{id}: the proposal's 提案表 as a Word download.</summary>
public class FormModel(ProposalDocumentsHandler documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var file = await documents.ProposalFormAsync(id, ct);
        return File(file.Content, ProposalDocuments.ContentType, file.FileName);
    }
}
