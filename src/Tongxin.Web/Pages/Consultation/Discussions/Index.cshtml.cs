using Tongxin.Modules.Consultation.Online;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Discussions;

/// <summary>网络议政列表 – the discussions of the committees the viewer may read.</summary>
public class IndexModel(DiscussionQuery query, IActorAccessor actors) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public PagedList<DiscussionListItem> Discussions { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public bool IsModerator { get; private set; }

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default)
    {
        Discussions = await query.ListAsync(page, ct);
        IsModerator = DiscussionAccess.IsModerator(actors.Actor);
    }
}
