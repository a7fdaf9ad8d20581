using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision.Topics;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Supervision.Topics;

/// <summary>新建/修改专项监督.</summary>
public class EditModel(TopicHandler topics) : PageModel
{
    [BindProperty]
    public TopicInput Input { get; set; } = new();

    public IReadOnlyList<TopicOption> SpecialCommittees { get; private set; } = [];

    public Guid? Id { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Input = id is { } existing ? await topics.GetInputAsync(existing, ct) : topics.NewInput();
        SpecialCommittees = await topics.SpecialCommitteesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        try
        {
            if (id is { } existing)
            {
                await topics.UpdateAsync(existing, Input, ct);
                TempData["Message"] = "专项监督已保存。";
                return RedirectToPage("Detail", new { id = existing });
            }

            var created = await topics.CreateAsync(Input, ct);
            TempData["Message"] = "专项监督已创建（筹备中）。";
            return RedirectToPage("Detail", new { id = created });
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        SpecialCommittees = await topics.SpecialCommitteesAsync(ct);
        return Page();
    }
}
