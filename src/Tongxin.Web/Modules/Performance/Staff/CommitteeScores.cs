using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Documents;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance.Staff;

/// <summary>What the committee table is narrowed to: sector, member group, grade, only those below
/// the minimum duties, and a name search.</summary>
public sealed record CommitteeScoreFilter(Guid? SectorId = null, Guid? GroupId = null, string? Grade = null, bool MissingOnly = false, string? Q = null);

/// <summary>One line of the committee table: the member and their stored year score.</summary>
public sealed record CommitteeScoreRow(
    Guid MemberId,
    string Name,
    string Sector,
    IReadOnlyList<string> Groups,
    int Rank,
    decimal Total,
    decimal MeetingPoints,
    decimal ActivityPoints,
    decimal ProposalPoints,
    decimal OpinionPoints,
    decimal SpeechPoints,
    decimal SupervisionPoints,
    decimal LiaisonPoints,
    decimal PlanPoints,
    decimal Deductions,
    int ActivitiesAttended,
    int PlenaryHalfDays,
    int Absences,
    int ProposalsFiled,
    int ReportsSubmitted,
    int ReportsAdopted,
    int Speeches,
    string Grade,
    bool MinimumsMet,
    string MissingMinimums);

/// <summary>How many members of the (filtered) table have a grade.</summary>
public sealed record GradeCount(string Grade, int Count);

/// <summary>A committee the actor may read, for the selector.</summary>
public sealed record CommitteeChoice(Guid Id, string Name);

/// <summary>The committee-year table: a page of rows, the grade distribution of the filtered rows
/// and what the filters offer.</summary>
public sealed record CommitteeScoresView(
    Guid CommitteeId,
    string CommitteeName,
    int Year,
    PagedList<CommitteeScoreRow> Rows,
    IReadOnlyList<GradeCount> Grades,
    IReadOnlyList<CommitteeChoice> Sectors,
    IReadOnlyList<CommitteeChoice> Groups,
    bool MayManage,
    DateTime? ComputedAt);

/// <summary>履职管理 – the committee's members with their year score (rank, grade, points per
/// category, counts, minimums), filtered and paged in the database, the grade distribution, the
/// Excel export and the staff's 重新计算. Readers: staff with 委员履职 of the committees they read
/// and the committee's leaders (<see cref="PerformanceAccess.RequireCommitteeReader"/>).</summary>
public sealed class CommitteeScores(TongxinDbContext db, PerformanceAccess access, DutyLedger ledger, IActorAccessor actors, TimeProvider time)
{
    public const int PageSize = 50;

    public int DefaultYear => BeijingTime.Today(time).Year;

    /// <summary>The committees whose table the actor may read: their own first, then the ones below they read.</summary>
    public async Task<IReadOnlyList<CommitteeChoice>> ReadableCommitteesAsync(CancellationToken ct = default)
    {
        var actor = actors.Actor;
        var ids = actor.ReadableCommitteeIds.Where(access.CanReadCommittee).ToList();
        var list = await db.Committees.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new CommitteeChoice(c.Id, c.Name)).ToListAsync(ct);
        return [.. list.OrderBy(c => c.Id == actor.CommitteeId ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    public async Task<CommitteeScoresView> GetAsync(Guid committeeId, int year, CommitteeScoreFilter filter, int page, CancellationToken ct = default)
    {
        access.RequireCommitteeReader(committeeId);
        RequireYear(year);
        var query = Filtered(committeeId, year, filter);
        var paged = await query.OrderBy(x => x.Score.Rank).ThenBy(x => x.Name).ThenBy(x => x.Score.MemberId)
            .ToPagedListAsync(page, PageSize, ct);
        var rows = await ToRowsAsync(paged.Items, ct);
        var grades = await query.GroupBy(x => x.Score.Grade).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var committeeName = await db.Committees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var sectors = await db.Sectors.IgnoreQueryFilters().AsNoTracking().Where(s => s.CommitteeId == committeeId)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name).Select(s => new CommitteeChoice(s.Id, s.Name)).ToListAsync(ct);
        var groups = await db.MemberGroups.IgnoreQueryFilters().AsNoTracking().Where(g => g.CommitteeId == committeeId)
            .OrderBy(g => g.Name).Select(g => new CommitteeChoice(g.Id, g.Name)).ToListAsync(ct);
        var computedAt = await db.DutyYearScores.IgnoreQueryFilters().Where(s => s.CommitteeId == committeeId && s.Year == year)
            .MaxAsync(s => (DateTime?)s.ComputedAt, ct);
        return new CommitteeScoresView(
            committeeId,
            committeeName,
            year,
            new PagedList<CommitteeScoreRow>(rows, paged.Page, paged.PageSize, paged.Total),
            [.. DutyRuleBook.Grades.Select(g => new GradeCount(g, grades.FirstOrDefault(x => x.Key == g)?.Count ?? 0))],
            sectors,
            groups,
            access.IsStaffOf(committeeId),
            computedAt);
    }

    /// <summary>Every filtered row as an .xlsx sheet (in rank order); audited.</summary>
    public async Task<(Stream Content, string FileName)> ExportAsync(Guid committeeId, int year, CommitteeScoreFilter filter, CancellationToken ct = default)
    {
        access.RequireCommitteeReader(committeeId);
        RequireYear(year);
        var all = await Filtered(committeeId, year, filter).OrderBy(x => x.Score.Rank).ThenBy(x => x.Name).ThenBy(x => x.Score.MemberId).ToListAsync(ct);
        var rows = await ToRowsAsync(all, ct);
        var committeeName = await db.Committees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";

        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("委员履职");
        string[] headers =
        [
            "名次", "委员", "界别", "活动组", "总积分", "会议", "履职活动", "提案", "社情民意", "发言", "民主监督", "联系群众", "一人一事", "缺席扣分",
            "参加会议活动", "全体会议半天", "缺席", "提案件数", "社情民意报送", "社情民意采用", "发言次数", "等次", "最低履职要求",
        ];
        ExcelTable.Write(sheet, headers, rows.Select(x => new object[]
        {
            x.Rank, x.Name, x.Sector, string.Join("、", x.Groups), x.Total, x.MeetingPoints, x.ActivityPoints, x.ProposalPoints, x.OpinionPoints,
            x.SpeechPoints, x.SupervisionPoints, x.LiaisonPoints, x.PlanPoints, x.Deductions, x.ActivitiesAttended, x.PlenaryHalfDays, x.Absences,
            x.ProposalsFiled, x.ReportsSubmitted, x.ReportsAdopted, x.Speeches, x.Grade, x.MinimumsMet ? "已达到" : "未达到：" + x.MissingMinimums,
        }), columnWidth: 11);
        sheet.Column(2).Width = 14;
        sheet.Column(4).Width = 24;
        sheet.Column(headers.Length).Width = 30;
        db.Audit("导出委员履职情况", "Committee", committeeId.ToString(), "成功", $"{committeeName}{year}年，{rows.Count}名委员");
        await db.SaveChangesAsync(ct);
        var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        buffer.Position = 0;
        return (buffer, $"委员履职-{year}.xlsx");
    }

    /// <summary>重新计算: rebuilds the committee-year's ledger from the sources (staff of the
    /// committee only) and writes one audit entry.</summary>
    /// <returns>The number of duty entries written.</returns>
    public async Task<int> RebuildAsync(Guid committeeId, int year, CancellationToken ct = default)
    {
        access.RequireStaffOf(committeeId);
        RequireYear(year);
        var count = await ledger.RebuildAsync(committeeId, year, ct);
        db.Audit("重新计算委员履职", "Committee", committeeId.ToString(), "成功", $"{year}年，写入{count}条履职记录");
        await db.SaveChangesAsync(ct);
        return count;
    }

    public static void RequireYear(int year)
    {
        if (year is < 2000 or > 2100)
        {
            throw new ValidationFailedException("Year", "年度须在2000至2100之间。");
        }
    }

    /// <summary>A score with its member (member-init, so EF can order and group over it).</summary>
    private sealed class Joined
    {
        public DutyYearScore Score { get; init; } = null!;

        public string Name { get; init; } = "";

        public string Sector { get; init; } = "";
    }

    private IQueryable<Joined> Filtered(Guid committeeId, int year, CommitteeScoreFilter f)
    {
        var query = from s in db.DutyYearScores.IgnoreQueryFilters().AsNoTracking()
                    where s.CommitteeId == committeeId && s.Year == year
                    join m in db.Members.IgnoreQueryFilters().AsNoTracking() on s.MemberId equals m.Id
                    join sec in db.Sectors.IgnoreQueryFilters().AsNoTracking() on m.SectorId equals sec.Id into ss
                    from sec in ss.DefaultIfEmpty()
                    select new { s, m, Sector = sec == null ? "" : sec.Name };
        if (f.SectorId is { } sectorId)
        {
            query = query.Where(x => x.m.SectorId == sectorId);
        }

        if (f.GroupId is { } groupId)
        {
            query = query.Where(x => db.Set<MemberGroupMembership>().Any(g => g.MemberId == x.m.Id && g.GroupId == groupId));
        }

        if (!string.IsNullOrWhiteSpace(f.Grade))
        {
            var grade = f.Grade.Trim();
            query = query.Where(x => x.s.Grade == grade);
        }

        if (f.MissingOnly)
        {
            query = query.Where(x => !x.s.MinimumsMet);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            query = query.Where(x => x.m.Name.Contains(q));
        }

        return query.Select(x => new Joined { Score = x.s, Name = x.m.Name, Sector = x.Sector });
    }

    private async Task<List<CommitteeScoreRow>> ToRowsAsync(IReadOnlyList<Joined> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Score.MemberId).ToList();
        var groups = ids.Count == 0 ? [] : await (from x in db.Set<MemberGroupMembership>().AsNoTracking()
                                                  where ids.Contains(x.MemberId)
                                                  join g in db.MemberGroups.IgnoreQueryFilters().AsNoTracking() on x.GroupId equals g.Id
                                                  select new { x.MemberId, g.Name }).ToListAsync(ct);
        var byMember = groups.ToLookup(g => g.MemberId, g => g.Name);
        return [.. items.Select(i =>
        {
            var s = i.Score;
            return new CommitteeScoreRow(s.MemberId, i.Name, i.Sector, [.. byMember[s.MemberId].Order(StringComparer.Ordinal)], s.Rank, s.Total,
                s.MeetingPoints, s.ActivityPoints, s.ProposalPoints, s.OpinionPoints, s.SpeechPoints, s.SupervisionPoints, s.LiaisonPoints, s.PlanPoints,
                s.Deductions, s.ActivitiesAttended, s.PlenaryHalfDays, s.Absences, s.ProposalsFiled, s.ReportsSubmitted, s.ReportsAdopted, s.Speeches,
                s.Grade, s.MinimumsMet, s.MissingMinimums);
        })];
    }
}
