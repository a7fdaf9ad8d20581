using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions;

/// <summary>编辑核稿 – staff revise an adopted report's text (each save a new version with a note),
/// list the versions and compare any of them with the latest author text.</summary>
public class TextModel(ReportDetailQuery query, EditingHandler editing) : PageModel
{
    [BindProperty]
    public EditTextInput Input { get; set; } = new();

    public ReportDetail Detail { get; private set; } = null!;

    public VersionDiff? Diff { get; private set; }

    public bool CanEdit => Detail.Viewer.CanManage && Detail.Status == OpinionStatus.Adopted;

    public async Task OnGetAsync(Guid id, int? no, CancellationToken ct)
    {
        await LoadAsync(id, no, ct);
        Input = new EditTextInput
        {
            Title = Detail.Text.Title,
            Situation = Detail.Text.Situation,
            Analysis = Detail.Text.Analysis,
            Suggestion = Detail.Text.Suggestion,
            Version = Detail.Version,
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var no = await editing.EditTextAsync(id, Input, ct);
            TempData["Message"] = $"已保存第{no}稿。";
            return RedirectToPage(new { id });
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        await LoadAsync(id, null, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, int? no, CancellationToken ct)
    {
        Detail = await query.GetAsync(id, ct);
        if (!Detail.Viewer.IsStaff)
        {
            throw new ForbiddenException("只有具有社情民意管理权限的工作人员可以编辑核稿。");
        }

        if (Detail.Versions.Any(v => v.IsAuthorText))
        {
            Diff = await editing.DiffAsync(id, no, ct);
        }
    }
}
