using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Topics;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Public.Topics;

/// <summary>我要出题 – the suggestion form of one committee (anonymous, phone-sized).</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.Submit)]
public class SuggestModel(TopicPublicPage topics, ClientHasher hasher) : PageModel
{
    /// <summary>The fields of the suggestion form.</summary>
    public sealed class SuggestionFields
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? Name { get; set; }

        public string? Phone { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid CommitteeId { get; set; }

    [BindProperty]
    public SuggestionFields Input { get; set; } = new();

    public PublicCommittee Committee { get; private set; } = null!;

    public TopicReceipt? Receipt { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Committee = await topics.EnterAsync(CommitteeId, ct);

    public async Task<IActionResult> OnPostAsync(
        [FromForm(Name = PublicFormStamps.StampField)] string? stamp,
        [FromForm(Name = PublicFormStamps.HoneypotField)] string? honeypot,
        CancellationToken ct)
    {
        Committee = await topics.EnterAsync(CommitteeId, ct);
        try
        {
            Receipt = await topics.SuggestAsync(Committee.Id, new TopicSuggestionInput(Input.Title, Input.Description, Input.Name, Input.Phone), stamp, honeypot, hasher.Hash(HttpContext), ct);
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
