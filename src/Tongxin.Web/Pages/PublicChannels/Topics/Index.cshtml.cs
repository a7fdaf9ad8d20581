using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Topics;
using Tongxin.Pages.PublicChannels.Studios;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.PublicChannels.Topics;

/// <summary>码上征题管理 – list with support counts, publish / hide, Excel.</summary>
public class IndexModel(TopicModeration moderation, TimeProvider time) : StudioPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public TopicSuggestionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public TopicSort Sort { get; set; } = TopicSort.Newest;

    public PagedList<TopicRow> Rows { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyDictionary<TopicSuggestionStatus, int> Counts { get; private set; } = new Dictionary<TopicSuggestionStatus, int>();

    public int ThisYear => BeijingTime.FromUtc(time.GetUtcNow().UtcDateTime).Year;

    private TopicFilter Filter => new(Year ?? ThisYear, Status, Q, Sort);

    private int pageNumber = 1;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        this.pageNumber = pageNumber;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await moderation.ExportAsync(Filter, ct), TopicModeration.ContentType, TopicModeration.ExportName);

    /// <summary>The full phone of one suggestion, fetched on demand (htmx) so each look is audited.</summary>
    public async Task<IActionResult> OnGetPhoneAsync(Guid id, CancellationToken ct) => Content(await moderation.PhoneAsync(id, ct));

    public Task<IActionResult> OnPostPublishAsync(Guid id, int version, CancellationToken ct) =>
        ActAsync(() => moderation.PublishAsync(id, version, ct), () => LoadAsync(ct), "已公开。", Back);

    public Task<IActionResult> OnPostHideAsync(Guid id, int version, CancellationToken ct) =>
        ActAsync(() => moderation.HideAsync(id, version, ct), () => LoadAsync(ct), "已屏蔽。", Back);

    private IActionResult Back() => RedirectToPage(new { Year, Status, Q, Sort });

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await moderation.ListAsync(Filter, pageNumber, ct);
        Counts = await moderation.CountsAsync(Year ?? ThisYear, ct);
    }
}
