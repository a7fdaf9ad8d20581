using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Results;

/// <summary>One line of a figures table: 场次, 人次, 建议条数 and the answers.</summary>
public sealed record FiguresRow(string Name, int Held, int Attendances, int Raised, int Adopted, int PartlyAdopted, int NotAdopted)
{
    /// <summary>采纳 in the sense of the headline: 采纳 + 部分采纳.</summary>
    public int AdoptedTotal => Adopted + PartlyAdopted;

    public static FiguresRow Sum(string name, IEnumerable<FiguresRow> rows)
    {
        var list = rows.ToList();
        return new FiguresRow(name, list.Sum(r => r.Held), list.Sum(r => r.Attendances), list.Sum(r => r.Raised),
            list.Sum(r => r.Adopted), list.Sum(r => r.PartlyAdopted), list.Sum(r => r.NotAdopted));
    }
}

/// <summary>协商成果统计 of a committee and year: by activity type, by venue, the totals (the
/// "87 场, 2692 人次, 1237 条, 采纳 918 条" line) and the year's 微建言.</summary>
public sealed record ResultsYearFigures(int Year, string CommitteeName, IReadOnlyList<FiguresRow> ByType, IReadOnlyList<FiguresRow> ByVenue, FiguresRow Total, FiguresRow Micro)
{
    public string Headline => string.Create(CultureInfo.InvariantCulture,
        $"{Total.Held} 场, {Total.Attendances} 人次, {Total.Raised} 条, 采纳 {Total.AdoptedTotal} 条");
}

/// <summary>统计 – activities held (closed, by their start in Beijing time), attendances (出席),
/// suggestions raised at them and the answers. Each measure is one grouped query over
/// (type, venue); both tables and the totals come from those three results.</summary>
public sealed class ResultsFigures(TongxinDbContext db, IActorAccessor actors, TimeProvider time)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string OnlineVenue = "线上";

    /// <summary>Consultation staff and leaders see their committee's figures.</summary>
    public static bool MayView(Actor a) => ConsultationAccess.IsConsultationStaff(a) || ConsultationAccess.IsLeader(a);

    public async Task<ResultsYearFigures> GetAsync(int? year, CancellationToken ct = default)
    {
        var actor = actors.Actor;
        if (!MayView(actor) || actor.CommitteeId is not { } committeeId)
        {
            throw new ForbiddenException("只有协商工作人员和领导可以查看协商成果统计。");
        }

        var y = year is >= 2000 and <= 2100 ? year.Value : BeijingTime.Today(time).Year;
        var from = BeijingTime.StartOfDayUtc(new DateOnly(y, 1, 1));
        var to = BeijingTime.StartOfDayUtc(new DateOnly(y + 1, 1, 1));
        var activities = db.Activities.AsNoTracking()
            .Where(a => a.CommitteeId == committeeId && a.Status == ActivityStatus.Closed && a.StartsAt >= from && a.StartsAt < to);

        var held = await activities.GroupBy(a => new { a.Type, a.Venue })
            .Select(g => new { g.Key.Type, g.Key.Venue, Count = g.Count() }).ToListAsync(ct);
        var present = await (from p in db.ActivityParticipants.AsNoTracking()
                             join a in activities on p.ActivityId equals a.Id
                             where p.Attendance == Attendance.Present
                             group p by new { a.Type, a.Venue } into g
                             select new { g.Key.Type, g.Key.Venue, Count = g.Count() }).ToListAsync(ct);
        var raised = await (from s in db.ConsultationSuggestions.AsNoTracking()
                            join a in activities on s.ActivityId equals a.Id
                            where s.Kind == SuggestionKind.Activity
                            group s by new { a.Type, a.Venue } into g
                            select new
                            {
                                g.Key.Type,
                                g.Key.Venue,
                                Count = g.Count(),
                                Adopted = g.Count(s => s.Answer == SuggestionAnswer.Adopted),
                                Partly = g.Count(s => s.Answer == SuggestionAnswer.PartlyAdopted),
                                Not = g.Count(s => s.Answer == SuggestionAnswer.NotAdopted),
                            }).ToListAsync(ct);
        var yearFrom = from;
        var micro = await db.ConsultationSuggestions.AsNoTracking()
            .Where(s => s.CommitteeId == committeeId && s.Kind == SuggestionKind.Micro && s.RaisedAt >= yearFrom && s.RaisedAt < to)
            .GroupBy(s => s.Answer).Select(g => new { Answer = g.Key, Count = g.Count() }).ToListAsync(ct);

        // One cell per (type, venue); the tables add the cells up by one of the two.
        var cells = held.Select(h => (h.Type, Venue: VenueName(h.Venue)))
            .Concat(present.Select(p => (p.Type, Venue: VenueName(p.Venue))))
            .Concat(raised.Select(r => (r.Type, Venue: VenueName(r.Venue))))
            .Distinct()
            .Select(k => new
            {
                k.Type,
                k.Venue,
                Row = new FiguresRow("",
                    held.Where(h => h.Type == k.Type && VenueName(h.Venue) == k.Venue).Sum(h => h.Count),
                    present.Where(p => p.Type == k.Type && VenueName(p.Venue) == k.Venue).Sum(p => p.Count),
                    raised.Where(r => r.Type == k.Type && VenueName(r.Venue) == k.Venue).Sum(r => r.Count),
                    raised.Where(r => r.Type == k.Type && VenueName(r.Venue) == k.Venue).Sum(r => r.Adopted),
                    raised.Where(r => r.Type == k.Type && VenueName(r.Venue) == k.Venue).Sum(r => r.Partly),
                    raised.Where(r => r.Type == k.Type && VenueName(r.Venue) == k.Venue).Sum(r => r.Not)),
            }).ToList();
        var byType = cells.GroupBy(c => c.Type).OrderBy(g => g.Key)
            .Select(g => FiguresRow.Sum(g.Key.DisplayName(), g.Select(c => c.Row))).ToList();
        var byVenue = cells.GroupBy(c => c.Venue).OrderBy(g => g.Key == OnlineVenue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => FiguresRow.Sum(g.Key, g.Select(c => c.Row))).ToList();
        int MicroCount(SuggestionAnswer? a) => micro.Where(m => m.Answer == a).Sum(m => m.Count);
        var microRow = new FiguresRow("微建言", 0, 0, micro.Sum(m => m.Count),
            MicroCount(SuggestionAnswer.Adopted), MicroCount(SuggestionAnswer.PartlyAdopted), MicroCount(SuggestionAnswer.NotAdopted));
        var committeeName = await db.Committees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        return new ResultsYearFigures(y, committeeName, byType, byVenue, FiguresRow.Sum("合计", byType), microRow);
    }

    /// <summary>The figures as an .xlsx workbook: one sheet per table, each with its totals row.</summary>
    public async Task<(byte[] Content, string FileName)> ExportAsync(int? year, CancellationToken ct = default)
    {
        var figures = await GetAsync(year, ct);
        using var workbook = new XLWorkbook();
        Sheet(workbook, "按活动类型", "活动类型", figures, figures.ByType);
        Sheet(workbook, "按活动地点", "活动地点", figures, figures.ByVenue);
        db.Audit("导出", "ConsultationFigures", figures.Year.ToString(CultureInfo.InvariantCulture), "成功", $"协商成果统计 {figures.Headline}");
        await db.SaveChangesAsync(ct);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return (buffer.ToArray(), $"协商成果统计{figures.Year}.xlsx");
    }

    private static string VenueName(string venue) => string.IsNullOrWhiteSpace(venue) ? OnlineVenue : venue.Trim();

    private static void Sheet(XLWorkbook workbook, string name, string keyHeader, ResultsYearFigures figures, IReadOnlyList<FiguresRow> rows)
    {
        var sheet = workbook.AddWorksheet(name);
        sheet.Cell(1, 1).SetValue($"{figures.CommitteeName} {figures.Year}年协商成果统计：{figures.Headline}");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        string[] headers = [keyHeader, "活动场次", "参加人次", "意见建议", "采纳（含部分采纳）", "采纳", "部分采纳", "未采纳"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(2, c + 1).SetValue(headers[c]);
            sheet.Cell(2, c + 1).Style.Font.Bold = true;
            sheet.Column(c + 1).Width = c == 0 ? 24 : 14;
        }

        var r = 2;
        foreach (var row in rows.Append(figures.Total))
        {
            r++;
            sheet.Cell(r, 1).SetValue(row.Name);
            int[] values = [row.Held, row.Attendances, row.Raised, row.AdoptedTotal, row.Adopted, row.PartlyAdopted, row.NotAdopted];
            for (var c = 0; c < values.Length; c++)
            {
                sheet.Cell(r, c + 2).SetValue(values[c]);
            }
        }

        sheet.Row(r).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(2);
    }
}
