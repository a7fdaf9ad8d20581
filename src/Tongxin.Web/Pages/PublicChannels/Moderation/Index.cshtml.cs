using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.PublicChannels.Moderation;

/// <summary>来信审核 – letters with sensitive words.</summary>
public class IndexModel(ModerationQueue queue) : PublicChannelsPageModel
{
    public PagedList<ModerationRow> Letters { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default) => Letters = await queue.ListAsync(page, ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => queue.ApproveAsync(id, version, ct), "已审核通过，来信已送达负责人。");

    public Task<IActionResult> OnPostBlockAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => queue.BlockAsync(id, version, ct), "来信已屏蔽。");
}
