using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.PublicChannels.Studios;

/// <summary>委员工作室 – the committee's studios, their hosts and public addresses.</summary>
public class IndexModel(StudioAdmin admin) : StudioPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public PagedList<StudioRow> Studios { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    private int pageNumber = 1;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        this.pageNumber = pageNumber;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int version, CancellationToken ct) =>
        ActAsync(() => admin.DeleteAsync(id, version, ct), () => LoadAsync(ct), "委员工作室已删除。", () => RedirectToPage(new { Search }));

    public Task<IActionResult> OnPostRenewAsync(Guid id, int version, CancellationToken ct) =>
        ActAsync(() => admin.RenewTokenAsync(id, version, ct), () => LoadAsync(ct), "已生成新的公开地址，原地址和二维码即刻失效。", () => RedirectToPage(new { Search }));

    private async Task LoadAsync(CancellationToken ct) => Studios = await admin.ListAsync(Search, pageNumber, ct);
}
