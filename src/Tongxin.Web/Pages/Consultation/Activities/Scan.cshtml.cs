using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Activities;

/// <summary>扫履职码签到 – staff point the phone camera at a member's 履职码 (jsQR decodes the video
/// frames in the browser and posts the code) or type the code.</summary>
public class ScanModel(ActivityQueries queries, SignInHandler signIn) : PageModel
{
    public ActivityDetail Activity { get; private set; } = null!;

    [BindProperty]
    public string? Code { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Activity = await queries.StaffDetailAsync(id, ct);
    }

    /// <summary>Signs the member in; the camera's script reads the JSON, the form (no script) gets the page back.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var json = Request.Headers.Accept.Any(a => a?.Contains("application/json") == true);
        string message;
        bool ok;
        try
        {
            var outcome = await signIn.SignInByMemberCodeAsync(id, Code, ct);
            (message, ok) = (outcome.Message, true);
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException)
        {
            (message, ok) = (e.Message, false);
        }

        if (json)
        {
            var d = await queries.DetailAsync(id, ct);
            var (signedIn, expected) = await signIn.CountAsync(d.Id, d.Mode, ct);
            return new JsonResult(new { ok, message, signedIn, expected });
        }

        TempData[ok ? "Message" : "Error"] = message;
        return RedirectToPage(new { id });
    }
}
