using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Results;

/// <summary>待阅批纪要 – the minutes sent to the leader's committee, unread first.</summary>
public class LeaderModel(MinutesHandler minutes) : PageModel
{
    public PagedList<MinutesToReadRow> Rows { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Rows = await minutes.ForLeaderAsync(pageNumber, ct);
}
