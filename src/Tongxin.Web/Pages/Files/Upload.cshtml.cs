using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tongxin.Platform;
using Tongxin.Platform.Attachments;

namespace Tongxin.Pages.Files;

/// <summary>上传文件 – a plain upload form; modules embed uploads in their own forms later.</summary>
public class UploadModel(AttachmentService attachments, IOptions<TongxinOptions> options) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "请选择要上传的文件。")]
    [Display(Name = "文件")]
    public IFormFile? Upload { get; set; }

    public Attachment? Uploaded { get; private set; }

    public string Limit => AttachmentService.FormatSize(options.Value.MaxUploadBytes);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Upload is null)
        {
            return Page();
        }

        await using var content = Upload.OpenReadStream();
        Uploaded = await attachments.UploadAsync(content, Upload.FileName, ct);
        return Page();
    }
}
