using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions.Transfer;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Review;

namespace Tongxin.Pages.Opinions.Transfer;

/// <summary>转办 – the form 社情民意 staff hand a report to handling units with (the handler checks
/// permission, committee and status again).</summary>
public class IndexModel(OpinionTransferHandler transfer) : PageModel
{
    public TransferForm Form { get; private set; } = null!;

    [BindProperty]
    public AssignmentMode Mode { get; set; } = AssignmentMode.Single;

    [BindProperty]
    public Guid? LeadUnitId { get; set; }

    [BindProperty]
    public List<Guid> OtherUnitIds { get; set; } = [];

    public async Task OnGetAsync(Guid reportId, CancellationToken ct) => Form = await transfer.FormAsync(reportId, ct);

    public async Task<IActionResult> OnPostAsync(Guid reportId, CancellationToken ct)
    {
        Form = await transfer.FormAsync(reportId, ct);
        var others = OtherUnitIds.Where(u => u != LeadUnitId).ToList();
        IReadOnlyList<UnitChoice> units = Mode switch
        {
            AssignmentMode.Single => LeadUnitId is { } u ? [new UnitChoice(u, AssignmentRole.Single)] : [],
            AssignmentMode.LeadWithCo => [.. (LeadUnitId is { } l ? new[] { new UnitChoice(l, AssignmentRole.Lead) } : []),
                .. others.Select(o => new UnitChoice(o, AssignmentRole.Co))],
            _ => [.. new[] { LeadUnitId }.OfType<Guid>().Concat(others).Select(o => new UnitChoice(o, AssignmentRole.Split))],
        };
        await transfer.TransferAsync(reportId, Mode, units, ct);
        TempData["Message"] = "已转办，承办单位将收到通知。";
        return Redirect($"/Opinions/Detail/{reportId}");
    }
}
