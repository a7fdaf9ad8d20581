using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Attachments;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Performance.Liaison;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Performance.Visits;

/// <summary>联系界别群众 – a member's own visits (totals, Excel, edit, delete, clue → 社情民意 draft);
/// staff with 委员履职 and leaders see the committee's visits with filters.</summary>
public class IndexModel(MassVisitHandler visits, TongxinDbContext db, IActorAccessor actors, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Member { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SectorId { get; set; }

    /// <summary>A member who also reads the committee asks for its list with ?all=true.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNo { get; set; } = 1;

    public MassVisitList List { get; private set; } = null!;

    public bool CommitteeView { get; private set; }

    public bool IsMember => PerformanceAccess.IsMember(actors.Actor);

    public bool IsReader => LiaisonModule.IsReader(actors.Actor);

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Sectors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CommitteeView = !IsMember || (All && IsReader);
        var thisYear = BeijingTime.Today(time).Year;
        Years = [.. Enumerable.Range(0, 6).Select(i => thisYear - i)];
        if (CommitteeView)
        {
            List = await visits.CommitteeAsync(new MassVisitFilter(Year, Member, SectorId), PageNo, ct);
            var committeeId = actors.Actor.CommitteeId;
            Sectors = [.. (await db.Sectors.AsNoTracking().Where(s => s.CommitteeId == committeeId).OrderBy(s => s.SortOrder)
                .Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name))];
        }
        else
        {
            List = await visits.MineAsync(Year, PageNo, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var (content, name) = !IsMember || (All && IsReader)
            ? await visits.ExportCommitteeAsync(new MassVisitFilter(Year, Member, SectorId), ct)
            : await visits.ExportMineAsync(Year, ct);
        return File(content, FileKind.Xlsx.ContentType, name);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await visits.DeleteAsync(id, ct);
        TempData["Message"] = "走访记录已删除";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostConvertAsync(Guid clueId, CancellationToken ct)
    {
        var reportId = await visits.ConvertClueAsync(clueId, ct);
        TempData["Message"] = "已根据线索生成社情民意草稿，请补充类别、问题分析和意见建议后报送。";
        return Redirect(MassVisitHandler.DraftLink(reportId));
    }
}
