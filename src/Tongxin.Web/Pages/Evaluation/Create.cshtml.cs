using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Evaluation;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Evaluation;

/// <summary>新建评价项目 – empty or from a template (the paper's five dimensions and nine criteria, member
/// performance, consultation quality, proposal quality).</summary>
public class CreateModel(ProjectHandler projects, EvaluationAccess access) : PageModel
{
    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    /// <summary>The form is shown to evaluation staff only (the handler checks again on save).</summary>
    public void OnGet() => access.RequireStaff();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var id = await projects.CreateAsync(Input, ct);
            TempData["Message"] = "评价项目已创建，请完善层次结构并邀请专家。";
            return RedirectToPage("Project", new { id });
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
            return Page();
        }
    }
}
