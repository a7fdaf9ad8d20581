using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.PublicChannels.Studios.Forwarded;

/// <summary>工作室转交 – the studio messages forwarded to the unit.</summary>
public class IndexModel(StudioForwarded forwarded) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Open { get; set; }

    public PagedList<ForwardedRow> Rows { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Rows = await forwarded.ListAsync(Open, pageNumber, ct);
}
