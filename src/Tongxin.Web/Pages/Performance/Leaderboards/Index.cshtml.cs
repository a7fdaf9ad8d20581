using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Performance.Staff;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Pages.Performance.Leaderboards;

/// <summary>履职榜单 – a board of the committee-year by member, sector or group.</summary>
public class IndexModel(Modules.Performance.Staff.Leaderboards boards, CommitteeScores scores, IActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Board { get; set; }

    [BindProperty(SupportsGet = true)]
    public LeaderboardScope By { get; set; } = LeaderboardScope.Member;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public LeaderboardView View { get; private set; } = null!;

    public IReadOnlyList<CommitteeChoice> Committees { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var committee = CommitteeId ?? actors.Actor.CommitteeId ?? Guid.Empty;
        var board = Modules.Performance.Staff.Leaderboards.Parse(Board) ?? LeaderboardBoard.Total;
        View = await boards.GetAsync(committee, Year ?? scores.DefaultYear, board, By, PageNumber, ct);
        Committees = await scores.ReadableCommitteesAsync(ct);
        var thisYear = scores.DefaultYear;
        Years = [.. Enumerable.Range(0, 6).Select(i => thisYear - i).Append(View.Year).Distinct().OrderDescending()];
    }
}
