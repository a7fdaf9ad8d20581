using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Evaluation;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Evaluation;

/// <summary>评价结果 – weights per level and global, consistency, charts, Excel and adoption (staff).</summary>
public class ResultsModel(ResultsHandler results) : PageModel
{
    public ResultsView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await results.GetAsync(id, ct);

    public async Task<IActionResult> OnGetExcelAsync(Guid id, CancellationToken ct)
    {
        var (file, title) = await results.ExcelAsync(id, ct);
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{title}-权重.xlsx");
    }

    public async Task<IActionResult> OnPostAdoptAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await results.AdoptAsync(id, ct);
            TempData["Message"] = "已采用该权重。";
        }
        catch (ConflictException refused)
        {
            // The page is reloaded either way; a refusal (round still open, CR too high) is shown above it.
            TempData["Error"] = refused.Message;
        }

        return RedirectToPage(new { id });
    }
}
