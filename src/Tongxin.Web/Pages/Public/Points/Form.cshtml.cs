using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Public.Points;

/// <summary>码上商 – the form a point's QR code opens (anonymous, phone-sized). On success the same
/// page shows the receipt code; a resent form shows the first receipt again.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.Submit)]
public class FormModel(PublicPointForm form, ClientHasher hasher) : PageModel
{
    /// <summary>The fields of the letter form.</summary>
    public sealed class LetterFields
    {
        public string? Title { get; set; }

        public string? Content { get; set; }

        public string? Name { get; set; }

        public string? Phone { get; set; }
    }

    [BindProperty]
    public LetterFields Input { get; set; } = new();

    public PublicPointView Point { get; private set; } = null!;

    public PublicReceipt? Receipt { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct) => Point = await form.FindAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(
        string token,
        [FromForm(Name = PublicFormStamps.StampField)] string? stamp,
        [FromForm(Name = PublicFormStamps.HoneypotField)] string? honeypot,
        CancellationToken ct)
    {
        Point = await form.FindAsync(token, ct);
        try
        {
            Receipt = await form.SubmitAsync(Point, new PublicLetterInput(Input.Title, Input.Content, Input.Name, Input.Phone), stamp, honeypot, hasher.Hash(HttpContext), ct);
            return Page();
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
                }
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }
}
