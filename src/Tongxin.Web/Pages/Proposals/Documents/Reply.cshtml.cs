using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Documents;

namespace Tongxin.Pages.Proposals.Documents;

/// <summary>/Proposals/Documents/Reply/{replyId}: a reply's 答复函 as a Word download.</summary>
public class ReplyModel(ProposalDocumentsHandler documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid replyId, CancellationToken ct)
    {
        var file = await documents.ReplyLetterAsync(replyId, ct);
        return File(file.Content, ProposalDocuments.ContentType, file.FileName);
    }
}
