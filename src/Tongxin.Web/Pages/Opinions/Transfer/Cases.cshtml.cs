using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions.Transfer;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions.Transfer;

/// <summary>转办件 – the 社情民意 office's transferred reports and where each stands.</summary>
public class CasesModel(TransferCaseList list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Waiting { get; set; }

    public PagedList<TransferCaseRow> Rows { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Rows = await list.ListAsync(Waiting, pageNumber, ct);
}
