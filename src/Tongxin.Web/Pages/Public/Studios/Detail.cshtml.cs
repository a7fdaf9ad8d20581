using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Public.Studios;

/// <summary>一个委员工作室 – its hosts, the replies it gave, and the message form (anonymous,
/// phone-sized). On success the page shows the receipt code; a resent form shows the first one again.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.Submit)]
public class DetailModel(StudioPublicPage studios, ClientHasher hasher) : PageModel
{
    /// <summary>The fields of the message form.</summary>
    public sealed class MessageFields
    {
        public string? Title { get; set; }

        public string? Content { get; set; }

        public string? Name { get; set; }

        public string? Phone { get; set; }
    }

    [BindProperty]
    public MessageFields Input { get; set; } = new();

    public PublicStudioView Studio { get; private set; } = null!;

    public PublicReceipt? Receipt { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct) => Studio = await studios.FindAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(
        string token,
        [FromForm(Name = PublicFormStamps.StampField)] string? stamp,
        [FromForm(Name = PublicFormStamps.HoneypotField)] string? honeypot,
        CancellationToken ct)
    {
        Studio = await studios.FindAsync(token, ct);
        try
        {
            Receipt = await studios.SubmitAsync(Studio, new PublicLetterInput(Input.Title, Input.Content, Input.Name, Input.Phone), stamp, honeypot, hasher.Hash(HttpContext), ct);
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
