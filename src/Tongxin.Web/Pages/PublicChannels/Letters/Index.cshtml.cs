using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.PublicChannels.Letters;

/// <summary>我的码上商来信.</summary>
public class IndexModel(LetterInbox inbox) : PublicChannelsPageModel
{
    public PublicSubmissionStatus? Status { get; private set; }

    public PagedList<LetterRow> Letters { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(PublicSubmissionStatus? status, int page = 1, CancellationToken ct = default)
    {
        Status = status;
        Letters = await inbox.ListAsync(status, page, ct);
    }
}
