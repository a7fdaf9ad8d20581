using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.PublicChannels.Studios;

namespace Tongxin.Pages.PublicChannels.Studios.Messages;

/// <summary>一封工作室来信 – the host reads it and replies to the public, forwards it to a handling
/// unit, or reports back the unit's answer.</summary>
public class DetailModel(StudioMessages messages) : StudioPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public Guid? UnitId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public StudioMessageDetail Message { get; private set; } = null!;

    public IReadOnlyList<UnitOption> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // Reporting back starts from the unit's answer; the host edits it into a reply to the public.
        Reply ??= Message.UnitReply;
    }

    public Task<IActionResult> OnPostReplyAsync(CancellationToken ct) =>
        ActAsync(() => messages.ReplyAsync(Id, Reply, Version, ct), () => LoadAsync(ct), "已答复，群众可凭回执码查看。", () => RedirectToPage(new { Id }));

    public Task<IActionResult> OnPostForwardAsync(CancellationToken ct) =>
        ActAsync(() => messages.ForwardAsync(Id, UnitId, Version, ct), () => LoadAsync(ct), "已转交承办单位。", () => RedirectToPage(new { Id }));

    private async Task LoadAsync(CancellationToken ct)
    {
        Message = await messages.GetAsync(Id, ct);
        Version = Message.Version;
        ModelState.Remove(nameof(Version));
        if (StudioMessageFlow.CanForward(Message.Status))
        {
            Units = await messages.UnitsAsync(Id, ct);
        }
    }
}
