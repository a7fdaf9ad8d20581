using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Attachments;

namespace Tongxin.Pages.Files;

/// <summary>/Files/{id}: the file itself, always as a download and never sniffed by the browser.</summary>
public class DownloadModel(AttachmentService attachments) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var download = await attachments.OpenAsync(id, ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        // FileDownloadName gives Content-Disposition: attachment with an RFC 5987 filename* for Chinese names.
        return File(download.Content, download.Attachment.ContentType, download.Attachment.FileName);
    }
}
