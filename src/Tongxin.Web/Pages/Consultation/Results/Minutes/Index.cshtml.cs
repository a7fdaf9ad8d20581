using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Results.Minutes;

/// <summary>协商纪要清单 – the committee's closed activities with the minutes' due dates and overdue flags.</summary>
public class IndexModel(MinutesList list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Pending { get; set; }

    public PagedList<MinutesListRow> Rows { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Rows = await list.ListAsync(Pending, pageNumber, ct);
}
