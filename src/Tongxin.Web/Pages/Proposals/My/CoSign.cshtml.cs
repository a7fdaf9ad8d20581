using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals.My;

/// <summary>联名确认 – the co-sign requests the member was asked; open ones can be confirmed or declined until they expire.</summary>
public class CoSignModel(CoSignHandler coSigning) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public PagedList<CoSignRequest> Requests { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Requests = await coSigning.ListAsync(All, pageNumber, ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid proposalId, CancellationToken ct) =>
        AnswerAsync(() => coSigning.ConfirmAsync(proposalId, ct), "已确认联名", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid proposalId, CancellationToken ct) =>
        AnswerAsync(() => coSigning.DeclineAsync(proposalId, ct), "已拒绝联名", ct);

    private async Task<IActionResult> AnswerAsync(Func<Task> answer, string message, CancellationToken ct)
    {
        try
        {
            await answer();
            TempData["Message"] = message;
            return RedirectToPage(new { all = All });
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        Requests = await coSigning.ListAsync(All, 1, ct);
        return Page();
    }
}
