using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Public.Studios;

/// <summary>线上委员工作室 – the index of open studios, for anyone.</summary>
[AllowAnonymous]
public class IndexModel(StudioPublicPage studios) : PageModel
{
    /// <summary>Only this committee's studios (a committee links its own list).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    public PagedList<PublicStudioCard> Studios { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Studios = await studios.ListAsync(CommitteeId, pageNumber, ct);
}
