using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Evaluation;
using Tongxin.Modules.Proposals.Reporting;

namespace Tongxin.Pages.Evaluation;

/// <summary>已采用权重 – the committee's current weight set per use, with its source and who adopted it (evaluation staff).</summary>
public class AdoptedModel(ResultsHandler results) : PageModel
{
    public IReadOnlyList<AdoptedWeightView> Sets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sets = await results.AdoptedAsync(ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct) =>
        File(await results.AdoptedExcelAsync(ct), ProposalFiles.ContentType, "已采用权重.xlsx");
}
