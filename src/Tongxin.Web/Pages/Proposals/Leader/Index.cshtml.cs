using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals.Reporting;

namespace Tongxin.Pages.Proposals.Leader;

/// <summary>领导驾驶舱 – the current session's figures, key proposals and recent instructions.</summary>
public class IndexModel(LeaderDashboardHandler dashboard, Tongxin.Platform.Tenancy.IActorAccessor actors) : PageModel
{
    public LeaderDashboard Dashboard { get; private set; } = null!;

    public bool CanInstruct { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Dashboard = await dashboard.GetAsync(ct);
        CanInstruct = ProposalInstructionHandler.CanInstruct(actors.Actor);
    }
}
