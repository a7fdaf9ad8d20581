using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals.Discuss;

/// <summary>众人商量着提 – the committee's drafts shared for discussion.</summary>
public class IndexModel(DiscussionHandler discussion) : PageModel
{
    public PagedList<SharedDraftRow> Drafts { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Drafts = await discussion.ListAsync(pageNumber, ct);
}
