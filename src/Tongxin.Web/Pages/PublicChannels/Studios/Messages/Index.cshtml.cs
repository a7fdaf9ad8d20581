using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.PublicChannels.Studios.Messages;

/// <summary>工作室来信 – the messages of the studios the member hosts (all studios for 公众渠道 staff).</summary>
public class IndexModel(StudioMessages messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? StudioId { get; set; }

    [BindProperty(SupportsGet = true)]
    public PublicSubmissionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Open { get; set; }

    public PagedList<StudioMessageRow> Rows { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<(Guid Id, string Name)> Studios { get; private set; } = [];

    private StudioMessageFilter Filter => new(StudioId, Status, Open);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Rows = await messages.ListAsync(Filter, pageNumber, ct);
        Studios = await messages.StudiosAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await messages.ExportAsync(Filter, ct), StudioMessages.ContentType, StudioMessages.ExportName);
}
