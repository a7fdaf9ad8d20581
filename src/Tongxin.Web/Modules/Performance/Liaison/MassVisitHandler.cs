using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Documents;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance.Liaison;

/// <summary>委员联系界别群众 – a member logs, edits and deletes their own visits; a clue becomes a
/// 社情民意 draft in one step; staff with 委员履职 (and leaders) read the committee's visits. Every
/// change raises <see cref="DutyRecordChanged"/> in the same save, so the ledger re-collects the
/// member's year.</summary>
public sealed class MassVisitHandler(TongxinDbContext db, PerformanceAccess access, ReportHandler reports, IActorAccessor actors, TimeProvider time)
{
    /// <summary>信息来源 of a report made from a clue.</summary>
    public const string ReportSource = "委员联系界别群众";

    private Actor Actor => actors.Actor;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The member's own visits, newest first, with totals over all of them (or the year).</summary>
    public async Task<MassVisitList> MineAsync(int? year, int page, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        return await ListAsync(db.MassVisits.AsNoTracking().Where(v => v.MemberId == memberId), year, page, ct);
    }

    /// <summary>The committee's visits for staff with 委员履职 and leaders (filters: year, member, sector).</summary>
    public async Task<MassVisitList> CommitteeAsync(MassVisitFilter filter, int page, CancellationToken ct = default)
    {
        var committeeId = RequireCommitteeReader();
        return await ListAsync(Filtered(committeeId, filter), filter.Year, page, ct);
    }

    public async Task<(byte[] Content, string FileName)> ExportMineAsync(int? year, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var name = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";
        return await ExportAsync(db.MassVisits.AsNoTracking().Where(v => v.MemberId == memberId), year, $"{name}联系界别群众", ct);
    }

    public async Task<(byte[] Content, string FileName)> ExportCommitteeAsync(MassVisitFilter filter, CancellationToken ct = default)
    {
        var committeeId = RequireCommitteeReader();
        return await ExportAsync(Filtered(committeeId, filter), filter.Year, "委员联系界别群众", ct);
    }

    /// <summary>A visit for its member's edit form (others: 403; unknown: 404).</summary>
    public async Task<MassVisitRow> GetOwnAsync(Guid id, CancellationToken ct = default)
    {
        var visit = await LoadOwnAsync(id, ct);
        return (await RowsAsync(db.MassVisits.AsNoTracking().Where(v => v.Id == visit.Id), ct)).Single();
    }

    public async Task<Guid> CreateAsync(MassVisitInput input, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var committeeId = Actor.CommitteeId!.Value;
        if (!await db.Members.AnyAsync(m => m.Id == memberId && m.CommitteeId == committeeId, ct))
        {
            throw new ForbiddenException("您的账号尚未关联本会委员名册，请联系政协机关。");
        }

        var clues = Validate(input, 0);
        var visit = new MassVisit
        {
            CommitteeId = committeeId,
            MemberId = memberId,
            CreatedAt = Now,
        };
        Apply(visit, input);
        db.MassVisits.Add(visit);
        for (var i = 0; i < clues.Count; i++)
        {
            db.MassVisitClues.Add(new MassVisitClue { CommitteeId = committeeId, VisitId = visit.Id, Text = clues[i], SortOrder = i });
        }

        db.Raise(new DutyRecordChanged(committeeId, memberId, visit.Date.Year));
        await db.SaveChangesAsync(ct);
        return visit.Id;
    }

    /// <summary>Saves the member's changes. Clues already turned into reports stay as they are; the
    /// other clues become the lines sent (a line that was there keeps its row).</summary>
    public async Task UpdateAsync(Guid id, MassVisitInput input, CancellationToken ct = default)
    {
        var visit = await LoadOwnAsync(id, ct);
        if (input.Version is { } version)
        {
            db.Entry(visit).Property(v => v.Version).OriginalValue = version;
        }

        var existing = await db.MassVisitClues.Where(c => c.VisitId == id).OrderBy(c => c.SortOrder).ToListAsync(ct);
        var converted = existing.Where(c => c.OpinionReportId is not null).ToList();
        var lines = Validate(input, converted.Count).Where(l => converted.All(c => c.Text != l)).ToList();
        var oldYear = visit.Date.Year;
        Apply(visit, input);
        db.MassVisitClues.RemoveRange(existing.Where(c => c.OpinionReportId is null && !lines.Contains(c.Text)));
        var order = 0;
        foreach (var c in converted)
        {
            c.SortOrder = order++;
        }

        foreach (var line in lines)
        {
            var row = existing.FirstOrDefault(c => c.OpinionReportId is null && c.Text == line);
            if (row is null)
            {
                db.MassVisitClues.Add(new MassVisitClue { CommitteeId = visit.CommitteeId, VisitId = visit.Id, Text = line, SortOrder = order++ });
            }
            else
            {
                row.SortOrder = order++;
            }
        }

        db.Raise(new DutyRecordChanged(visit.CommitteeId, visit.MemberId, visit.Date.Year));
        if (oldYear != visit.Date.Year)
        {
            db.Raise(new DutyRecordChanged(visit.CommitteeId, visit.MemberId, oldYear));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("该走访记录刚刚已在别处修改，您的修改未保存。请刷新后重新编辑。");
        }
    }

    /// <summary>Deletes the visit and its clues; reports already made from its clues stay.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var visit = await LoadOwnAsync(id, ct);
        db.MassVisitClues.RemoveRange(await db.MassVisitClues.Where(c => c.VisitId == id).ToListAsync(ct));
        db.MassVisits.Remove(visit);
        db.Raise(new DutyRecordChanged(visit.CommitteeId, visit.MemberId, visit.Date.Year));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>转为社情民意 – makes a 社情民意 draft of the member from the clue (title, 基本情况 and
    /// source prefilled; category, analysis and suggestion are the member's to write), links the
    /// clue to it and returns the draft's id. A clue whose draft still exists returns that draft.</summary>
    /// <remarks>The draft is made by <see cref="ReportHandler.AddPrefilledDraftAsync"/> (a clue is not
    /// a complete report yet; its submission checks everything) and saved with the clue's link.</remarks>
    public async Task<Guid> ConvertClueAsync(Guid clueId, CancellationToken ct = default)
    {
        access.RequireMember();
        var clue = await db.MassVisitClues.FirstOrDefaultAsync(c => c.Id == clueId, ct) ?? throw new NotFoundException("线索");
        var visit = await LoadOwnAsync(clue.VisitId, ct);
        if (clue.OpinionReportId is { } existing)
        {
            if (await db.OpinionReports.IgnoreQueryFilters().AnyAsync(r => r.Id == existing, ct))
            {
                return existing;
            }
        }

        var report = await reports.AddPrefilledDraftAsync(DraftTitle(clue.Text), DraftSituation(visit, clue.Text), ReportSource,
            $"由联系界别群众收集的线索创建草稿（{visit.Date:yyyy年M月d日}，{visit.Place}）", ct);
        clue.OpinionReportId = report.Id;
        await db.SaveChangesAsync(ct);
        return report.Id;
    }

    /// <summary>"关于…的建议" around the clue (shortened to a title's length).</summary>
    public static string DraftTitle(string clue)
    {
        var text = clue.Trim().TrimEnd('。', '；', '，', '！', '？', '.', ';', ',');
        if (text.StartsWith("关于", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.Length > 60)
        {
            text = text[..60] + "…";
        }

        return $"关于{text}的建议";
    }

    private static string DraftSituation(MassVisit visit, string clue) =>
        $"{visit.Date:yyyy年M月d日}，本人在{visit.Place}联系界别群众时，群众反映：{clue.Trim()}";

    /// <summary>Where the member continues writing the draft.</summary>
    public static string DraftLink(Guid reportId) => $"/Opinions/Edit?id={reportId}";

    private Guid RequireCommitteeReader()
    {
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException();
        access.RequireCommitteeReader(committeeId);
        return committeeId;
    }

    private IQueryable<MassVisit> Filtered(Guid committeeId, MassVisitFilter filter)
    {
        var q = db.MassVisits.AsNoTracking().Where(v => v.CommitteeId == committeeId);
        if (!string.IsNullOrWhiteSpace(filter.Member))
        {
            var name = filter.Member.Trim();
            q = q.Where(v => db.Members.Any(m => m.Id == v.MemberId && m.Name.Contains(name)));
        }

        if (filter.SectorId is { } sector)
        {
            q = q.Where(v => db.Members.Any(m => m.Id == v.MemberId && m.SectorId == sector));
        }

        return q;
    }

    private static IQueryable<MassVisit> InYear(IQueryable<MassVisit> q, int? year) =>
        year is { } y ? q.Where(v => v.Date >= new DateOnly(y, 1, 1) && v.Date <= new DateOnly(y, 12, 31)) : q;

    private async Task<MassVisitList> ListAsync(IQueryable<MassVisit> all, int? year, int page, CancellationToken ct)
    {
        var q = InYear(all, year);
        var ids = await q.OrderByDescending(v => v.Date).ThenByDescending(v => v.CreatedAt).Select(v => v.Id).ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        var rows = await RowsAsync(db.MassVisits.AsNoTracking().Where(v => ids.Items.Contains(v.Id)), ct);
        var ordered = ids.Items.Select(id => rows.First(r => r.Id == id)).ToList();
        var visits = await q.CountAsync(ct);
        var people = await q.SumAsync(v => (int?)v.PeopleServed, ct) ?? 0;
        var clues = db.MassVisitClues.AsNoTracking().Where(c => q.Select(v => v.Id).Contains(c.VisitId));
        var clueCount = await clues.CountAsync(ct);
        var converted = await clues.CountAsync(c => c.OpinionReportId != null, ct);
        return new MassVisitList(new PagedList<MassVisitRow>(ordered, ids.Page, ids.PageSize, ids.Total), new MassVisitTotals(visits, people, clueCount, converted));
    }

    /// <summary>The rows with member, sector and clues; a clue's link counts only while its report exists.</summary>
    private async Task<List<MassVisitRow>> RowsAsync(IQueryable<MassVisit> visits, CancellationToken ct)
    {
        var list = await (from v in visits
                          join m in db.Members.IgnoreQueryFilters() on v.MemberId equals m.Id
                          join s in db.Sectors.IgnoreQueryFilters() on m.SectorId equals s.Id into ss
                          from s in ss.DefaultIfEmpty()
                          select new { v.Id, v.MemberId, m.Name, Sector = s == null ? "" : s.Name, v.Date, v.Place, v.PeopleServed, v.Summary, v.CreatedAt, v.Version })
            .ToListAsync(ct);
        var ids = list.Select(v => v.Id).ToList();
        var clues = await db.MassVisitClues.AsNoTracking().Where(c => ids.Contains(c.VisitId)).OrderBy(c => c.SortOrder).ToListAsync(ct);
        var reportIds = clues.Where(c => c.OpinionReportId != null).Select(c => c.OpinionReportId!.Value).ToList();
        var live = (await db.OpinionReports.IgnoreQueryFilters().Where(r => reportIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        return [.. list.OrderByDescending(v => v.Date).ThenByDescending(v => v.CreatedAt).Select(v => new MassVisitRow(
            v.Id, v.MemberId, v.Name, v.Sector, v.Date, v.Place, v.PeopleServed, v.Summary,
            [.. clues.Where(c => c.VisitId == v.Id).Select(c => new MassVisitClueView(c.Id, c.Text, c.OpinionReportId is { } r && live.Contains(r) ? r : null))],
            v.Version))];
    }

    private async Task<(byte[] Content, string FileName)> ExportAsync(IQueryable<MassVisit> all, int? year, string title, CancellationToken ct)
    {
        var rows = await RowsAsync(InYear(all, year), ct);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("联系界别群众");
        var yearText = year is { } y ? $"{y}年" : "历年";
        sheet.Cell(1, 1).SetValue($"{title}（{yearText}）：走访{rows.Count}次，服务群众{rows.Sum(r => r.PeopleServed)}人，收集线索{rows.Sum(r => r.Clues.Count)}条");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        string[] headers = ["走访日期", "委员", "界别", "走访地点", "服务群众人数", "走访情况", "收集的线索", "已转社情民意"];
        ExcelTable.Write(sheet, headers, rows.Select(row => new object[]
        {
            row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.MemberName, row.Sector, row.Place, row.PeopleServed, row.Summary,
            string.Join("\n", row.Clues.Select(c => c.Text)), row.Clues.Count(c => c.Converted),
        }), firstRow: 2, columnWidth: 14);
        sheet.Column(6).Width = 40;
        sheet.Column(7).Width = 40;
        db.Audit("导出", "MassVisit", yearText, "成功", $"{title} {rows.Count}条");
        await db.SaveChangesAsync(ct);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return (buffer.ToArray(), $"{title}{yearText}.xlsx");
    }

    /// <summary>The tracked visit when it is the actor's own: 404 when not visible, 403 when another member's.</summary>
    private async Task<MassVisit> LoadOwnAsync(Guid id, CancellationToken ct)
    {
        var memberId = access.RequireMember();
        var visit = await db.MassVisits.FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException("走访记录");
        return visit.MemberId == memberId ? visit : throw new ForbiddenException("只能修改本人的走访记录。");
    }

    /// <summary>Checks the form; returns the clue lines.</summary>
    private List<string> Validate(MassVisitInput input, int convertedClues)
    {
        var today = BeijingTime.Today(time);
        var clues = MassVisitInput.ClueLines(input.Clues);
        new Validation()
            .Require(input.Date is not null, nameof(input.Date), "请填写走访日期。")
            .Require(input.Date is null || input.Date <= today, nameof(input.Date), $"走访日期不能晚于今天（{today:yyyy年M月d日}）。")
            .Require(input.Date is null || input.Date.Value.Year >= today.Year - 10, nameof(input.Date), "走访日期过早，请检查。")
            .NotBlank(input.Place, nameof(input.Place), "走访地点")
            .MaxLength(input.Place?.Trim(), MassVisitInput.MaxPlace, nameof(input.Place), "走访地点")
            .Require(input.PeopleServed is not null, nameof(input.PeopleServed), "请填写服务群众人数。")
            .Require(input.PeopleServed is null or >= 0, nameof(input.PeopleServed), "服务群众人数不能为负数。")
            .Require(input.PeopleServed is null or <= 100_000, nameof(input.PeopleServed), "服务群众人数过大，请检查。")
            .NotBlank(input.Summary, nameof(input.Summary), "走访情况")
            .MaxLength(input.Summary?.Trim(), MassVisitInput.MaxSummary, nameof(input.Summary), "走访情况")
            .Require(clues.All(c => c.Length <= MassVisitInput.MaxClue), nameof(input.Clues), $"每条线索不能超过{MassVisitInput.MaxClue}个字符。")
            .Require(clues.Count + convertedClues <= MassVisitInput.MaxClues, nameof(input.Clues), $"一次走访最多记录{MassVisitInput.MaxClues}条线索。")
            .ThrowIfInvalid();
        return [.. clues];
    }

    private static void Apply(MassVisit visit, MassVisitInput input)
    {
        visit.Date = input.Date!.Value;
        visit.Place = input.Place.Trim();
        visit.PeopleServed = input.PeopleServed!.Value;
        visit.Summary = input.Summary.Replace("\r\n", "\n").Trim();
    }
}
