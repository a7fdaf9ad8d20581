using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Members;

public class ImportModel(RosterExcelHandler excel) : PageModel
{
    public ImportResult? Result { get; private set; }

    public IActionResult OnGet()
    {
        excel.EnsureCanImport();
        return Page();
    }

    public IActionResult OnGetTemplate() => File(excel.Template(), RosterFiles.ContentType, RosterFiles.TemplateName);

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("File", "请选择要导入的名册文件（.xlsx）。");
            return Page();
        }

        try
        {
            await using var stream = upload.OpenReadStream();
            Result = await excel.ImportAsync(stream, Path.GetFileName(upload.FileName), ct);
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, "Upload");
            return Page();
        }

        if (Result.Succeeded)
        {
            TempData["Message"] = $"已导入 {Result.Imported} 名委员";
            return RedirectToPage("Index");
        }

        return Page();
    }
}
