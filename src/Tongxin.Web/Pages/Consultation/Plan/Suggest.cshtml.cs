using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation.Plan;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Plan;

/// <summary>我要荐题 – a member suggests a consultation topic and sees their earlier suggestions.</summary>
public class SuggestModel(TopicPoolHandler pool) : PlanPageModel
{
    [BindProperty]
    public TopicInput Input { get; set; } = new();

    public PagedList<MyTopicRow> Mine { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    private int pageNumber = 1;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        this.pageNumber = pageNumber;
        Input.Year = pool.ThisYear;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        ActAsync(() => pool.SuggestAsync(Input, ct), () => LoadAsync(ct), "选题已提交，感谢您的建议。", () => RedirectToPage(), nameof(Input));

    private async Task LoadAsync(CancellationToken ct) => Mine = await pool.MineAsync(pageNumber, ct);
}
