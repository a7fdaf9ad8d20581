using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions.Transfer;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions.Transfer;

/// <summary>转为社情民意信息 – the one action on a 不予立案 proposal's page (POST only); the new report
/// opens, or the proposal page shows why it was refused.</summary>
public class ConvertModel(ProposalConversionHandler conversion) : PageModel
{
    public IActionResult OnGet(Guid proposalId) => Redirect($"/Proposals/Detail/{proposalId}");

    public async Task<IActionResult> OnPostAsync(Guid proposalId, CancellationToken ct)
    {
        try
        {
            var reportId = await conversion.ConvertAsync(proposalId, ct);
            TempData["Message"] = "已转为社情民意信息，进入待筛选。";
            return Redirect($"/Opinions/Detail/{reportId}");
        }
        catch (Exception e) when (e is ConflictException or ValidationFailedException)
        {
            TempData["Error"] = e.Message;
            return Redirect($"/Proposals/Detail/{proposalId}");
        }
    }
}
