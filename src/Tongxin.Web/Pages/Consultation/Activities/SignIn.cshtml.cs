using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Activities;

/// <summary>扫码签到 – what the on-screen QR opens on the member's phone (<c>/c/s/{activityId}/{code}</c>;
/// sign-in page first when needed). Opening it is the sign-in: the code itself is the proof of
/// being in the room, and a confirmation step would let the code expire while a member logs in.</summary>
public class SignInModel(SignInHandler signIn) : PageModel
{
    public Guid ActivityId { get; private set; }

    public string? Message { get; private set; }

    public bool Ok { get; private set; }

    public async Task OnGetAsync(Guid activityId, string code, CancellationToken ct)
    {
        ActivityId = activityId;
        Response.Headers.CacheControl = "no-store";
        try
        {
            var outcome = await signIn.SignInByActivityCodeAsync(activityId, code, ct);
            (Message, Ok) = (outcome.Message, true);
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException)
        {
            (Message, Ok) = (e.Message, false);
        }
    }
}
