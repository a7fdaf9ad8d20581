using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.PublicChannels.Studios;

namespace Tongxin.Pages.PublicChannels.Studios.Forwarded;

/// <summary>一封转交的工作室来信 – the unit answers it (the phone is masked).</summary>
public class DetailModel(StudioForwarded forwarded) : StudioPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public StudioMessageDetail Message { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        ActAsync(() => forwarded.AnswerAsync(Id, Answer, Version, ct), () => LoadAsync(ct), "答复已提交，委员将向群众反馈。", () => RedirectToPage(new { Id }));

    private async Task LoadAsync(CancellationToken ct)
    {
        Message = await forwarded.GetAsync(Id, ct);
        Version = Message.Version;
        ModelState.Remove(nameof(Version));
    }
}
