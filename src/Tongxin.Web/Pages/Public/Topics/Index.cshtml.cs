using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Topics;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Public.Topics;

/// <summary>码上征题 – a committee's suggestions of the year with their support, and 附议 (anonymous).</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.Support)]
public class IndexModel(TopicPublicPage topics, ClientHasher hasher) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public TopicSort Sort { get; set; }

    public PublicCommittee? Committee { get; private set; }

    public IReadOnlyList<PublicCommittee> Committees { get; private set; } = [];

    public PagedList<PublishedTopic> Topics { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public int Year => topics.Year;

    /// <summary>The suggestion just supported and its new count, to say thanks next to it.</summary>
    public (Guid Id, int Count)? Supported { get; private set; }

    private int pageNumber = 1;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        this.pageNumber = pageNumber;
        await LoadAsync(ct);
    }

    /// <summary>附议: answered on the same page; a second support from the same client is a 409 with a Chinese message.</summary>
    public async Task<IActionResult> OnPostSupportAsync(Guid id, CancellationToken ct)
    {
        if (CommitteeId is not { } committeeId)
        {
            return NotFound();
        }

        await topics.EnterAsync(committeeId, ct);
        try
        {
            Supported = (id, await topics.SupportAsync(committeeId, id, hasher.Hash(HttpContext), ct));
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (CommitteeId is { } committeeId)
        {
            Committee = await topics.EnterAsync(committeeId, ct);
            Topics = await topics.ListAsync(committeeId, Sort, pageNumber, ct);
        }
        else
        {
            Committees = await topics.CommitteesAsync(ct);
        }
    }
}
