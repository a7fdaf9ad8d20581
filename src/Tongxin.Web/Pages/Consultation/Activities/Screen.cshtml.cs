using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Tongxin.Modules.Consultation.Activities;

namespace Tongxin.Pages.Consultation.Activities;

/// <summary>现场签到大屏 – the activity's rotating QR for the screen in the hall (staff only): the page
/// asks for the current code every window and swaps the image; it also shows signed-in / expected.</summary>
public class ScreenModel(SignInHandler signIn) : PageModel
{
    public SignInScreen Screen { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Screen = await signIn.ScreenAsync(id, ct);

    /// <summary>The current state as JSON, for the page's refresh.</summary>
    public async Task<IActionResult> OnGetStateAsync(Guid id, CancellationToken ct)
    {
        var s = await signIn.ScreenAsync(id, ct);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { code = s.Code, url = AbsoluteUrl(s.Path), secondsLeft = s.SecondsLeft, signedIn = s.SignedIn, expected = s.Expected });
    }

    /// <summary>The QR image of the current code's absolute sign-in URL.</summary>
    public async Task<IActionResult> OnGetQrAsync(Guid id, CancellationToken ct)
    {
        var s = await signIn.ScreenAsync(id, ct);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AbsoluteUrl(s.Path), QRCodeGenerator.ECCLevel.M);
        Response.Headers.CacheControl = "no-store";
        return File(new PngByteQRCode(data).GetGraphic(12), "image/png");
    }

    public string AbsoluteUrl(string path) => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}";
}
