using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.PublicChannels.Points;

namespace Tongxin.Pages.PublicChannels.Letters;

/// <summary>One 码上商 letter for its handler: 受理, 答复, 办结, 转社情民意.</summary>
public class DetailModel(LetterInbox inbox) : PublicChannelsPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public LetterDetail Letter { get; private set; } = null!;

    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Reply = Letter.Reply;
    }

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) => Act(() => inbox.OpenAsync(Id, Version, ct), "已受理，来信人查询时将看到“正在处理”。", ct);

    public Task<IActionResult> OnPostReplyAsync(CancellationToken ct) => Act(() => inbox.ReplyAsync(Id, Version, Reply, ct), "答复已保存，来信人可凭回执码查看并评价。", ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => Act(() => inbox.CloseAsync(Id, Version, ct), "来信已办结。", ct);

    public Task<IActionResult> OnPostConvertAsync(CancellationToken ct) => Act(() => inbox.ConvertToReportAsync(Id, Version, ct), "已转为社情民意信息，进入社情民意筛选。", ct);

    private Task<IActionResult> Act(Func<Task> action, string message, CancellationToken ct) =>
        ActAsync(action, () => LoadAsync(ct), message, () => RedirectToPage(new { id = Id }));

    private async Task LoadAsync(CancellationToken ct) => Letter = await inbox.GetAsync(Id, ct);
}
