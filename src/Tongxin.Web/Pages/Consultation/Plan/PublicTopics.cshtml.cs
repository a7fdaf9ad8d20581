using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation.Plan;
using Tongxin.Modules.PublicChannels.Topics;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Plan;

/// <summary>码上征题纳入 – the public suggestions of a year by support; one click takes one into the pool.</summary>
public class PublicTopicsModel(TopicPoolHandler pool) : PlanPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int SelectedYear => Year ?? pool.ThisYear;

    public PagedList<PublishedTopic> Rows { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    private int pageNumber = 1;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        this.pageNumber = pageNumber;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostTakeAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => pool.TakePublicAsync(id, ct), () => LoadAsync(ct), "已纳入选题库。", () => RedirectToPage(new { Year }));

    private async Task LoadAsync(CancellationToken ct) => Rows = await pool.PublicSuggestionsAsync(SelectedYear, pageNumber, ct);
}
