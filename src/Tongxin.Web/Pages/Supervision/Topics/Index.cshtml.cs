using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision.Topics;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Supervision.Topics;

/// <summary>专项民主监督 – the committee's topics by year (paged), and the open topics of upper committees to join (三级联动).</summary>
public class IndexModel(TopicHandler topics) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public PagedList<TopicRow> Rows { get; private set; } = new([], 1, TopicHandler.PageSize, 0);

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<LinkableTopic> Linkable { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Rows = await topics.ListAsync(Year, pageNumber, ct);
        Years = await topics.YearsAsync(ct);
        Linkable = await topics.LinkableAsync(ct);
    }

    public async Task<IActionResult> OnPostJoinAsync(Guid upperTopicId, CancellationToken ct)
    {
        try
        {
            var id = await topics.JoinAsync(upperTopicId, ct);
            TempData["Message"] = "已加入上级专项监督，请完善本级的监督内容。";
            return RedirectToPage("Edit", new { id });
        }
        catch (ConflictException conflict)
        {
            TempData["Error"] = conflict.Message;
            return RedirectToPage();
        }
    }
}
