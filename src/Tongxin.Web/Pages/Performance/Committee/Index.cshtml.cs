using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Attachments;
using Tongxin.Modules.Performance.Staff;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Pages.Performance.Committee;

/// <summary>履职管理 – the committee-year table with filters, grade distribution, Excel and 重新计算.</summary>
public class IndexModel(CommitteeScores scores, IActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SectorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? GroupId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Grade { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Missing { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CommitteeScoresView View { get; private set; } = null!;

    public IReadOnlyList<CommitteeChoice> Committees { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    private Guid Committee => CommitteeId ?? actors.Actor.CommitteeId ?? Guid.Empty;

    private int TheYear => Year ?? scores.DefaultYear;

    private CommitteeScoreFilter Filter => new(SectorId, GroupId, Grade, Missing, Q);

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await scores.GetAsync(Committee, TheYear, Filter, PageNumber, ct);
        Committees = await scores.ReadableCommitteesAsync(ct);
        var thisYear = scores.DefaultYear;
        Years = [.. Enumerable.Range(0, 6).Select(i => thisYear - i).Append(View.Year).Distinct().OrderDescending()];
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var (content, name) = await scores.ExportAsync(Committee, TheYear, Filter, ct);
        return File(content, FileKind.Xlsx.ContentType, name);
    }

    public async Task<IActionResult> OnPostRebuildAsync(CancellationToken ct)
    {
        var count = await scores.RebuildAsync(Committee, TheYear, ct);
        TempData["Message"] = $"已重新计算 {TheYear} 年委员履职，写入 {count} 条履职记录。";
        return RedirectToPage(new { committeeId = Committee, year = TheYear });
    }
}
