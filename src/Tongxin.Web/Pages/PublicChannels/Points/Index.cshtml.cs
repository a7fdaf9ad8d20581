using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.PublicChannels.Points;

/// <summary>码上商联络点 – the own committee's QR points.</summary>
public class IndexModel(LiaisonPointAdmin admin) : PublicChannelsPageModel
{
    public string? Search { get; private set; }

    public LiaisonPointPurpose? Purpose { get; private set; }

    public PagedList<LiaisonPointRow> Points { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(string? search, LiaisonPointPurpose? purpose, int page = 1, CancellationToken ct = default)
    {
        (Search, Purpose) = (search, purpose);
        Points = await admin.ListAsync(search, purpose, page, ct);
    }

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => admin.DeleteAsync(id, version, ct), "联络点已删除。");
}
