using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals.Discuss;

/// <summary>A shared draft with its discussion; members of the committee comment here.</summary>
public class ViewModel(DraftHandler drafts, DiscussionHandler discussion) : PageModel
{
    public DraftView Draft { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "讨论意见")]
    public string Text { get; set; } = "";

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Draft = await drafts.GetAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await discussion.CommentAsync(id, Text, ct);
            TempData["Message"] = "已发表讨论意见";
            return RedirectToPage(new { id });
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var message in invalid.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError(nameof(Text), message);
            }
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        Draft = await drafts.GetAsync(id, ct);
        return Page();
    }
}
