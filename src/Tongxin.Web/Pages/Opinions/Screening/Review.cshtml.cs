using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Screening;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Pages.Opinions.Screening;

/// <summary>筛选一条信息 – the report's text and timeline with the five decisions (采用 / 留存 /
/// 不采用 / 退回补充 / 转提案线索). Staff of another committee who may read it see it without the forms.</summary>
public class ReviewModel(ScreeningHandler screening, OpinionAccess access, OpinionSettingsStore settings, TongxinDbContext db, IActorAccessor actors) : PageModel
{
    public sealed record HistoryRow(DateTime At, string ActorName, string Text);

    public OpinionReport Report { get; private set; } = new();

    public IReadOnlyList<string> Authors { get; private set; } = [];

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public IReadOnlyList<string> RejectReasons { get; private set; } = [];

    /// <summary>May this actor screen it (社情民意 staff of its committee)?</summary>
    public bool CanScreen { get; private set; }

    /// <summary>The reason chosen from the list, or "" for the staff's own words in <see cref="OwnReason"/>.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? OwnReason { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostAdoptAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => screening.AdoptAsync([id], ct), "已采用，进入编辑核稿", ct);

    public Task<IActionResult> OnPostKeepAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => screening.KeepAsync([id], ct), "已留存", ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => screening.RejectAsync(id, string.IsNullOrWhiteSpace(Reason) ? OwnReason : Reason, ct), "已作不采用处理", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => screening.ReturnAsync(id, Note, ct), "已退回报送人补充", ct);

    public Task<IActionResult> OnPostClueAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => screening.MarkProposalClueAsync(id, Note, ct), "已转为提案线索，报送人将收到起草提案的邀请", ct);

    /// <summary>Loads the page first, so that a refused or invalid decision re-renders it with the message.</summary>
    private async Task<IActionResult> RunAsync(Guid id, Func<Task> action, string done, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        // The page's copy is read without tracking; the handler loads and saves its own.
        await action();
        TempData["Message"] = done;
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        access.RequireStaff();
        Report = await access.Readable().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new Platform.Web.NotFoundException("社情民意信息");
        CanScreen = OpinionAccess.CanManage(actors.Actor, Report.CommitteeId);
        Authors = await db.OpinionReportAuthors.AsNoTracking().Where(a => a.ReportId == id).OrderBy(a => a.Order)
            .Select(a => a.MemberName).ToListAsync(ct);
        History = await db.OpinionHistory.AsNoTracking().Where(h => h.ReportId == id).OrderBy(h => h.At)
            .Select(h => new HistoryRow(h.At, h.ActorName, h.Text)).ToListAsync(ct);
        RejectReasons = (await settings.GetAsync(Report.CommitteeId, ct)).RejectReasonList;
    }
}
