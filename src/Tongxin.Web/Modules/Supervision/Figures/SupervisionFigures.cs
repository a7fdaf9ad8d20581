using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Figures;

/// <summary>One line of the figures table: a group (or the total, or the problems that came from no
/// group – monitoring points).</summary>
public sealed record GroupFigures(
    string Name,
    int Supervisors,
    int Activities,
    int Found,
    int AssignedOnTime,
    int RepliedOnTime,
    int ReturnVisited,
    int Closed,
    int RepliedOrClosed,
    int LettersSent,
    int LettersAnswered)
{
    /// <summary>回访率 = return-visited / replied-or-closed (DESIGN.md), null when nothing was replied yet.</summary>
    public double? ReturnVisitRate => RepliedOrClosed == 0 ? null : (double)ReturnVisited / RepliedOrClosed;

    public string ReturnVisitRateText => ReturnVisitRate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "—";
}

/// <summary>民主监督统计 of a committee and year: the headline in the shape of "8 个小组 48 名民主监督员
/// 42 场 8 份建议书", the problem chain's figures and a row per group.</summary>
public sealed record SupervisionYearFigures(int Year, string CommitteeName, int Groups, IReadOnlyList<GroupFigures> Rows, GroupFigures Total)
{
    public string Headline => string.Create(CultureInfo.InvariantCulture,
        $"{Groups} 个小组 {Total.Supervisors} 名民主监督员 {Total.Activities} 场 {Total.LettersSent} 份建议书");

    public string ChainLine => string.Create(CultureInfo.InvariantCulture,
        $"发现问题 {Total.Found} 个，按时交办 {Total.AssignedOnTime} 个，按时答复 {Total.RepliedOnTime} 个，回访 {Total.ReturnVisited} 个（回访率 {Total.ReturnVisitRateText}），销号 {Total.Closed} 个；建议书已反馈 {Total.LettersAnswered} 份");
}

/// <summary>统计 – what the year's supervision did. Groups count when their term overlaps the year;
/// supervisors are distinct members of those groups; activities are supervision activities of the
/// engine held in the year (closed, or published and already started); problems are those numbered in
/// the year, on time meaning done on or before the due date (Beijing date); letters those sent in the
/// year. Each measure is one query (grouped by group where the database can do it).</summary>
public sealed class SupervisionFigures(TongxinDbContext db, IActorAccessor actors, TimeProvider time)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The row of problems no group recorded (an enterprise's report at a monitoring point).</summary>
    public const string NoGroupName = "监测点及其他";

    public static bool MayView(Actor a) => SupervisionAccess.IsSupervisionStaff(a) || a.IsInRole(Roles.Leader);

    public async Task<SupervisionYearFigures> GetAsync(int? year, CancellationToken ct = default)
    {
        var actor = actors.Actor;
        if (!MayView(actor) || actor.CommitteeId is not { } committeeId)
        {
            throw new ForbiddenException("只有民主监督工作人员和领导可以查看民主监督统计。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var y = year is >= 2000 and <= 2100 ? year.Value : BeijingTime.Today(time).Year;
        var firstDay = new DateOnly(y, 1, 1);
        var lastDay = new DateOnly(y, 12, 31);
        var yearStart = BeijingTime.StartOfDayUtc(firstDay);
        var yearEnd = BeijingTime.StartOfDayUtc(lastDay.AddDays(1));

        var groups = db.SupervisorGroups.AsNoTracking()
            .Where(g => g.CommitteeId == committeeId && g.TermStart <= lastDay && g.TermEnd >= firstDay);
        var groupNames = await groups.OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var supervisors = await (from m in db.SupervisorGroupMembers.AsNoTracking()
                                 join g in groups on m.GroupId equals g.Id
                                 group m by m.GroupId into x
                                 select new { GroupId = x.Key, Count = x.Count() }).ToListAsync(ct);
        var distinctSupervisors = await (from m in db.SupervisorGroupMembers.AsNoTracking()
                                         join g in groups on m.GroupId equals g.Id
                                         select m.MemberId).Distinct().CountAsync(ct);
        var activities = await (from s in db.SupervisionActivities.AsNoTracking()
                                join a in db.Activities.AsNoTracking() on s.ActivityId equals a.Id
                                where s.CommitteeId == committeeId && a.StartsAt >= yearStart && a.StartsAt < yearEnd
                                    && (a.Status == ActivityStatus.Closed || (a.Status == ActivityStatus.Published && a.StartsAt <= now))
                                group s by s.GroupId into x
                                select new { GroupId = x.Key, Count = x.Count() }).ToListAsync(ct);
        // On time compares a UTC instant's Beijing date with a date column, which neither provider
        // translates alike; the year's problems of one committee are few, so they come in one projection.
        var problems = await db.SupervisionProblems.AsNoTracking()
            .Where(p => p.CommitteeId == committeeId && p.Year == y)
            .Select(p => new { p.GroupId, p.Status, p.AssignedAt, p.AssignDueOn, p.RepliedAt, p.ReplyDueOn, p.ReturnVisitAt })
            .ToListAsync(ct);
        var letters = await db.SupervisionLetters.AsNoTracking()
            .Where(l => l.CommitteeId == committeeId && l.SentAt >= yearStart && l.SentAt < yearEnd
                && (l.Status == LetterStatus.Sent || l.Status == LetterStatus.Answered))
            .GroupBy(l => l.GroupId)
            .Select(x => new { GroupId = x.Key, Sent = x.Count(), Answered = x.Count(l => l.Status == LetterStatus.Answered) })
            .ToListAsync(ct);

        static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(BeijingTime.FromUtc(utc));
        var byGroup = problems.GroupBy(p => p.GroupId).ToDictionary(g => g.Key ?? Guid.Empty, g => new
        {
            Found = g.Count(),
            AssignedOnTime = g.Count(p => p.AssignedAt.HasValue && Day(p.AssignedAt.Value) <= p.AssignDueOn),
            RepliedOnTime = g.Count(p => p.RepliedAt.HasValue && p.ReplyDueOn.HasValue && Day(p.RepliedAt.Value) <= p.ReplyDueOn.Value),
            ReturnVisited = g.Count(p => p.ReturnVisitAt is not null),
            Closed = g.Count(p => p.Status == ProblemStatus.Closed),
            RepliedOrClosed = g.Count(p => p.Status is ProblemStatus.Replied or ProblemStatus.Closed),
        });

        // Groups outside the year's terms still show when they have figures in the year.
        var referenced = activities.Select(a => a.GroupId).Concat(letters.Select(l => l.GroupId))
            .Concat(byGroup.Keys.Where(k => k != Guid.Empty)).Distinct().Where(id => groupNames.All(g => g.Id != id)).ToList();
        var extra = referenced.Count == 0 ? [] : await db.SupervisorGroups.AsNoTracking().Where(g => referenced.Contains(g.Id))
            .OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);

        GroupFigures Row(Guid id, string name)
        {
            var p = byGroup.GetValueOrDefault(id);
            var l = letters.FirstOrDefault(x => x.GroupId == id);
            return new GroupFigures(name,
                supervisors.Where(s => s.GroupId == id).Sum(s => s.Count),
                activities.Where(a => a.GroupId == id).Sum(a => a.Count),
                p?.Found ?? 0, p?.AssignedOnTime ?? 0, p?.RepliedOnTime ?? 0, p?.ReturnVisited ?? 0, p?.Closed ?? 0, p?.RepliedOrClosed ?? 0,
                l?.Sent ?? 0, l?.Answered ?? 0);
        }

        var rows = groupNames.Concat(extra).Select(g => Row(g.Id, g.Name)).ToList();
        if (byGroup.ContainsKey(Guid.Empty))
        {
            rows.Add(Row(Guid.Empty, NoGroupName));
        }

        var total = new GroupFigures("合计", distinctSupervisors, rows.Sum(r => r.Activities), rows.Sum(r => r.Found), rows.Sum(r => r.AssignedOnTime),
            rows.Sum(r => r.RepliedOnTime), rows.Sum(r => r.ReturnVisited), rows.Sum(r => r.Closed), rows.Sum(r => r.RepliedOrClosed),
            rows.Sum(r => r.LettersSent), rows.Sum(r => r.LettersAnswered));
        var committeeName = await db.Committees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        return new SupervisionYearFigures(y, committeeName, groupNames.Count, rows, total);
    }

    /// <summary>The figures as an .xlsx sheet: the headline, the table and its totals row; audited.</summary>
    public async Task<(byte[] Content, string FileName)> ExportAsync(int? year, CancellationToken ct = default)
    {
        var figures = await GetAsync(year, ct);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("民主监督统计");
        sheet.Cell(1, 1).SetValue($"{figures.CommitteeName} {figures.Year}年民主监督：{figures.Headline}");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).SetValue(figures.ChainLine);
        string[] headers = ["监督小组", "民主监督员", "监督活动（场）", "发现问题", "按时交办", "按时答复", "已回访", "已销号", "回访率", "送达建议书", "建议书已反馈"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(3, c + 1).SetValue(headers[c]);
            sheet.Cell(3, c + 1).Style.Font.Bold = true;
            sheet.Column(c + 1).Width = c == 0 ? 28 : 12;
        }

        var r = 3;
        foreach (var row in figures.Rows.Append(figures.Total))
        {
            r++;
            sheet.Cell(r, 1).SetValue(row.Name);
            int[] values = [row.Supervisors, row.Activities, row.Found, row.AssignedOnTime, row.RepliedOnTime, row.ReturnVisited, row.Closed];
            for (var c = 0; c < values.Length; c++)
            {
                sheet.Cell(r, c + 2).SetValue(values[c]);
            }

            sheet.Cell(r, 9).SetValue(row.ReturnVisitRateText);
            sheet.Cell(r, 10).SetValue(row.LettersSent);
            sheet.Cell(r, 11).SetValue(row.LettersAnswered);
        }

        sheet.Row(r).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(3);
        db.Audit("导出", "SupervisionFigures", figures.Year.ToString(CultureInfo.InvariantCulture), "成功", $"民主监督统计 {figures.Headline}");
        await db.SaveChangesAsync(ct);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return (buffer.ToArray(), $"民主监督统计{figures.Year}.xlsx");
    }
}
