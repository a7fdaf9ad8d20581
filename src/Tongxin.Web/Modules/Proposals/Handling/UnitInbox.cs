using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Handling;

/// <summary>Deadline filter of the unit inbox.</summary>
public enum DueFilter
{
    [System.ComponentModel.DataAnnotations.Display(Name = "已逾期")]
    Overdue = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "临近期限")]
    SoonDue = 2,
}

/// <summary>承办单位收件箱查询条件.</summary>
public sealed record UnitInboxFilter(AssignmentStatus? Status = null, AssignmentRole? Role = null, Guid? SessionId = null, DueFilter? Due = null);

/// <summary>One assignment of the unit, with the proposal it is for and its deadline in working days.</summary>
public sealed record UnitAssignmentRow(
    Guid ProposalId, int? Number, string Title, string LeadMemberName, string Category, string? SessionName,
    ProposalStatus ProposalStatus, AssignmentRole Role, AssignmentStatus Status, DateTime AssignedAt, DateOnly Deadline,
    ReplyStatus? ReplyStatus, bool Done)
{
    public int WorkingDaysLeft { get; init; }

    /// <summary>A 社情民意转办 case (a report handed to the unit), not a proposal.</summary>
    public bool IsCase { get; init; }

    public string DisplayNumber => IsCase ? CaseLabel : Number is { } n ? $"第{n:D4}号" : "未编号";

    /// <summary>How a 转办 case is labelled where a proposal shows its number.</summary>
    public const string CaseLabel = "社情民意转办";

    /// <summary>Nothing is left to do once the reply or co-opinion is in, or the proposal moved on.</summary>
    public bool ShowsDeadline => !Done && ProposalStatus == ProposalStatus.Handling;
}

/// <summary>承办单位收件箱 – the unit's own assignments (never another unit's), filtered, paged and exported.</summary>
public sealed class UnitInboxHandler(TongxinDbContext db, ProposalAccess access, ProposalSettingsStore settings, WorkingDayCalendar calendar, IActorAccessor actors)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ExportName = "承办提案.xlsx";

    public async Task<PagedList<UnitAssignmentRow>> ListAsync(UnitInboxFilter filter, int page, CancellationToken ct = default)
    {
        var query = await QueryAsync(filter, ct);
        var rows = await query.ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        var rules = await calendar.RulesAsync(ct);
        var today = calendar.Today;
        return rows with { Items = [.. rows.Items.Select(r => r with { WorkingDaysLeft = UnitDeadlines.WorkingDaysLeft(rules, today, r.Deadline) })] };
    }

    /// <summary>The sessions the unit has assignments in, for the filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> SessionsAsync(CancellationToken ct = default)
    {
        var unitId = access.RequireUnit();
        var sessions = await (from s in db.Sessions.AsNoTracking()
                              where db.ProposalAssignments.Any(a => a.HandlingUnitId == unitId
                                  && db.Proposals.Any(p => p.Id == a.ProposalId && p.SessionId == s.Id))
                              orderby s.StartDate descending
                              select new { s.Id, s.Name }).ToListAsync(ct);
        return [.. sessions.Select(s => (s.Id, s.Name))];
    }

    /// <summary>The filtered list as an .xlsx file; a unit's assignments run to hundreds, not millions.</summary>
    public async Task<byte[]> ExportAsync(UnitInboxFilter filter, CancellationToken ct = default)
    {
        var query = await QueryAsync(filter, ct);
        var rules = await calendar.RulesAsync(ct);
        var today = calendar.Today;
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("承办提案");
        string[] headers = ["提案号", "案由", "提案人", "类别", "会议", "承办方式", "交办状态", "答复状态", "提案状态", "交办日期", "答复期限", "剩余时间"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(headers[c]);
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
            sheet.Column(c + 1).Width = c == 1 ? 50 : 14;
        }

        sheet.SheetView.FreezeRows(1);
        var r = 1;
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            r++;
            string[] values =
            [
                row.DisplayNumber, row.Title, row.LeadMemberName, row.Category, row.SessionName ?? "", row.Role.DisplayName(),
                row.Status.DisplayName(), row.ReplyStatus?.DisplayName() ?? "", row.ProposalStatus.DisplayName(),
                UnitDeadlines.Date(DateOnly.FromDateTime(BeijingTime.FromUtc(row.AssignedAt))), UnitDeadlines.Date(row.Deadline),
                row.ShowsDeadline ? UnitDeadlines.Describe(UnitDeadlines.WorkingDaysLeft(rules, today, row.Deadline)) : "",
            ];
            for (var c = 0; c < values.Length; c++)
            {
                sheet.Cell(r, c + 1).DataType = XLDataType.Text;
                sheet.Cell(r, c + 1).SetValue(values[c]);
            }
        }

        db.Audit("导出", "ProposalAssignment", actors.Actor.HandlingUnitId?.ToString() ?? "", "成功", $"承办提案 {(r - 1).ToString(CultureInfo.InvariantCulture)} 条");
        await db.SaveChangesAsync(ct);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    private async Task<IQueryable<UnitAssignmentRow>> QueryAsync(UnitInboxFilter filter, CancellationToken ct)
    {
        var unitId = access.RequireUnit();
        var assignments = db.ProposalAssignments.AsNoTracking().Where(a => a.HandlingUnitId == unitId);
        if (filter.Status is { } status)
        {
            assignments = assignments.Where(a => a.Status == status);
        }

        if (filter.Role is { } role)
        {
            assignments = assignments.Where(a => a.Role == role);
        }

        var rows = from a in assignments
                   join p in db.Proposals.AsNoTracking() on a.ProposalId equals p.Id
                   join s in db.Sessions.AsNoTracking() on p.SessionId equals s.Id into sessions
                   from s in sessions.DefaultIfEmpty()
                   let reply = db.ProposalReplies.Where(r => r.AssignmentId == a.Id && r.Round == p.Round).Select(r => (ReplyStatus?)r.Status).FirstOrDefault()
                   select new
                   {
                       a,
                       p,
                       SessionName = s.Name,
                       Reply = reply,
                       // Done: the co-opinion is in, or this round's reply is with staff or approved.
                       Done = a.Status == AssignmentStatus.Returned
                           || (a.Role == AssignmentRole.Co ? a.CoOpinion != null : reply == ReplyStatus.Submitted || reply == ReplyStatus.Approved),
                   };
        if (filter.SessionId is { } sessionId)
        {
            rows = rows.Where(x => x.p.SessionId == sessionId);
        }

        if (filter.Due is { } due)
        {
            var today = calendar.Today;
            rows = rows.Where(x => !x.Done && x.p.Status == ProposalStatus.Handling);
            if (due == DueFilter.Overdue)
            {
                rows = rows.Where(x => x.a.Deadline < today);
            }
            else
            {
                var boundary = await SoonDueBoundaryAsync(ct);
                rows = rows.Where(x => x.a.Deadline >= today && x.a.Deadline <= boundary);
            }
        }

        return rows
            .OrderBy(x => x.Done)
            .ThenBy(x => x.a.Deadline)
            .ThenByDescending(x => x.a.AssignedAt)
            .ThenBy(x => x.a.Id)
            .Select(x => new UnitAssignmentRow(
                x.p.Id, x.p.Number, x.p.Title, x.p.LeadMemberName, x.p.Category, x.SessionName, x.p.Status,
                x.a.Role, x.a.Status, x.a.AssignedAt, x.a.Deadline, x.Reply, x.Done)
            { IsCase = x.p.SourceReportId != null });
    }

    /// <summary>临期: this many working days before the deadline, per the unit's committee.</summary>
    public async Task<int> SoonDueWorkingDaysAsync(CancellationToken ct = default)
    {
        var committeeId = actors.Actor.CommitteeId ?? throw new ForbiddenException();
        return (await settings.GetAsync(committeeId, ct)).SoonDueWorkingDays;
    }

    /// <summary>The last deadline that counts as soon due today.</summary>
    private async Task<DateOnly> SoonDueBoundaryAsync(CancellationToken ct) =>
        await calendar.AddWorkingDaysAsync(calendar.Today, await SoonDueWorkingDaysAsync(ct), ct);
}

/// <summary>承办单位的待办 on the home page: to accept, still able to 申退, replies sent back, deadlines.</summary>
public sealed class UnitTodos(TongxinDbContext db, ProposalSettingsStore settings, WorkingDayCalendar calendar) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (!ProposalAccess.IsUnit(actor) || actor.CommitteeId is not { } committeeId)
        {
            return [];
        }

        var unitId = actor.HandlingUnitId!.Value;
        var s = await settings.GetAsync(committeeId, ct);
        var rules = await calendar.RulesAsync(ct);
        var today = calendar.Today;
        var active = from a in db.ProposalAssignments.AsNoTracking()
                     join p in db.Proposals.AsNoTracking() on a.ProposalId equals p.Id
                     where a.HandlingUnitId == unitId && p.Status == ProposalStatus.Handling
                     select new { a, p };

        var pending = await active.CountAsync(x => x.a.Status == AssignmentStatus.Pending, ct);

        // The 申退 window is a few working days: only recent assignments can still be in it.
        var recentSince = BeijingTime.StartOfDayUtc(today.AddDays(-(s.ReturnRequestWorkingDays * 3 + 14)));
        var recent = await active
            .Where(x => (x.a.Status == AssignmentStatus.Pending || x.a.Status == AssignmentStatus.Accepted) && x.a.ReturnRequestedAt == null && x.a.AssignedAt >= recentSince)
            .Select(x => x.a.AssignedAt).ToListAsync(ct);
        var returnable = recent.Count(at => today <= UnitDeadlines.ReturnWindowEnd(rules, at, s.ReturnRequestWorkingDays));

        var rejected = await (from r in db.ProposalReplies.AsNoTracking()
                              join x in active on r.AssignmentId equals x.a.Id
                              where r.Round == x.p.Round && r.Status == ReplyStatus.Rejected
                              select r.Id).CountAsync(ct);

        var boundary = rules.AddWorkingDays(today, s.SoonDueWorkingDays);
        var open = from x in active
                   where x.a.Status != AssignmentStatus.Returned
                       && (x.a.Role == AssignmentRole.Co
                           ? x.a.CoOpinion == null
                           : !db.ProposalReplies.Any(r => r.AssignmentId == x.a.Id && r.Round == x.p.Round
                               && (r.Status == ReplyStatus.Submitted || r.Status == ReplyStatus.Approved)))
                   select x.a.Deadline;
        var overdue = await open.CountAsync(d => d < today, ct);
        var soon = await open.CountAsync(d => d >= today && d <= boundary, ct);

        const string module = "提案办理";
        return
        [
            new TodoItem("待签收的提案", pending, "/Proposals/Unit?status=Pending", module),
            new TodoItem($"仍可申请退回的提案（交办后{s.ReturnRequestWorkingDays}个工作日内）", returnable, "/Proposals/Unit", module),
            new TodoItem("被退回需重新办理的答复", rejected, "/Proposals/Unit", module),
            new TodoItem("临近答复期限的提案", soon, "/Proposals/Unit?due=SoonDue", module),
            new TodoItem("已逾期的提案", overdue, "/Proposals/Unit?due=Overdue", module),
        ];
    }
}
