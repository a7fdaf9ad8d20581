using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Data;

namespace Tongxin.Pages.Proposals.Manage;

/// <summary>提案统计 – one session's figures and breakdowns, with Excel exports.</summary>
public class StatisticsModel(ProposalStatisticsHandler statistics, StatisticsExcel excel, TongxinDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? SessionId { get; set; }

    public SessionStatistics Statistics { get; private set; } = null!;

    /// <summary>The sessions of the shown committee, for switching.</summary>
    public IReadOnlyList<Choice> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Statistics = await statistics.GetAsync(SessionId, ct);
        Sessions = await db.Sessions.AsNoTracking().Where(s => s.CommitteeId == Statistics.CommitteeId)
            .OrderByDescending(s => s.StartDate).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await excel.StatisticsAsync(SessionId, ct), ProposalFiles.ContentType, ProposalFiles.StatisticsName);

    public async Task<IActionResult> OnGetExportUnitsAsync(CancellationToken ct) =>
        File(await excel.UnitsAsync(SessionId, ct), ProposalFiles.ContentType, ProposalFiles.UnitsName);
}
