using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Statistics;

/// <summary>社情民意数字 of one group of reports in a year.
/// 收稿 = received (submitted, not drafts or withdrawn ones); 采用 = taken up at screening (采用 and later);
/// 本级刊发 single / combined = own-level adoptions (printed in an own bulletin); 上报 = forwarded upward;
/// 市/省/全国政协, 党委政府 = adoptions by those; 批示 by the leader's level (件次);
/// 得分 = the reports' points (combined adoption at its percentage; joint reports are not split here).</summary>
public sealed record OpinionFigures(
    string Label,
    int Received,
    int Adopted,
    int OwnSingle,
    int OwnCombined,
    int Forwarded,
    int City,
    int Province,
    int National,
    int PartyGovernment,
    int InstructionCounty,
    int InstructionCity,
    int InstructionProvince,
    int InstructionCentral,
    decimal Points)
{
    public int OwnAdopted => OwnSingle + OwnCombined;

    public int Instructions => InstructionCounty + InstructionCity + InstructionProvince + InstructionCentral;
}

/// <summary>One row of the adoption-level table: how many adoptions or instructions, and their points.</summary>
public sealed record LevelFigures(string Label, int Count, decimal Points);

/// <summary>One committee-year's statistics with every breakdown and the member ranking.</summary>
public sealed record OpinionYearStatistics(
    Guid CommitteeId,
    string CommitteeName,
    int Year,
    OpinionFigures Totals,
    IReadOnlyList<OpinionFigures> ByKind,
    IReadOnlyList<OpinionFigures> BySubmitter,
    IReadOnlyList<OpinionFigures> BySector,
    IReadOnlyList<OpinionFigures> ByCategory,
    IReadOnlyList<LevelFigures> ByLevel,
    IReadOnlyList<MemberOpinionScore> Members);

/// <summary>社情民意统计 – the figures of a committee-year, counted by the database in two GROUP BY
/// queries (reports, and outcomes by type) over the finest grouping every table needs (submitter
/// kind and name, the lead member's sector, category); each table adds those groups up. Staff
/// with 社情民意 see every readable committee (their own and the lower ones that granted it),
/// leaders their own.</summary>
public sealed class OpinionStatisticsHandler(TongxinDbContext db, IActorAccessor actors, OpinionSettingsStore settings, OpinionMemberPoints memberPoints, TimeProvider time)
{
    private static readonly OpinionStatus[] TakenUp = [OpinionStatus.Adopted, OpinionStatus.SignedOff, OpinionStatus.Published];

    public static bool CanView(Actor a, Guid committeeId) =>
        (OpinionAccess.IsOpinionStaff(a) && a.CanRead(committeeId)) || (OpinionAccess.IsLeader(a) && a.CommitteeId == committeeId);

    /// <summary>The reports a committee received in a year: submitted, not drafts or withdrawn ones.</summary>
    public static IQueryable<OpinionReport> Received(TongxinDbContext db, Guid committeeId, int year) =>
        db.OpinionReports.AsNoTracking().Where(r => r.CommitteeId == committeeId && r.Year == year
            && r.Status != OpinionStatus.Draft && r.Status != OpinionStatus.Withdrawn);

    /// <summary>The committees whose statistics the actor may choose between.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CommitteesAsync(CancellationToken ct = default)
    {
        var a = actors.Actor;
        var ids = OpinionAccess.IsOpinionStaff(a) ? [.. a.ReadableCommitteeIds] : a.CommitteeId is { } own ? new List<Guid> { own } : [];
        var rows = await db.Committees.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Level).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return [.. rows.Where(c => CanView(a, c.Id)).Select(c => (c.Id, c.Name))];
    }

    /// <summary>The statistics of a committee (default: the actor's) in a year (default: this year).</summary>
    public async Task<OpinionYearStatistics> GetAsync(Guid? committeeId, int? year, CancellationToken ct = default)
    {
        var a = actors.Actor;
        if (!OpinionAccess.IsOpinionStaff(a) && !OpinionAccess.IsLeader(a))
        {
            throw new ForbiddenException("只有社情民意工作人员和领导可以查看社情民意统计。");
        }

        var id = committeeId ?? a.CommitteeId ?? throw new ForbiddenException("您的账号未归属政协组织。");
        if (!CanView(a, id))
        {
            throw new ForbiddenException("您无权查看该政协的社情民意统计。");
        }

        var y = year is >= 2000 and <= 2100 ? year.Value : BeijingTime.Today(time).Year;
        var name = await db.Committees.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("政协组织");
        var rules = await settings.GetAsync(id, ct);

        var facts = from r in Received(db, id, y)
                    join m in db.Members.AsNoTracking() on r.LeadMemberId equals m.Id into ms
                    from m in ms.DefaultIfEmpty()
                    select new { r.Id, r.SubmitterKind, r.SubmitterName, SectorId = m == null ? null : m.SectorId, r.Category, r.Status };
        var reportGroups = await facts
            .GroupBy(f => new { f.SubmitterKind, f.SubmitterName, f.SectorId, f.Category })
            .Select(g => new
            {
                g.Key.SubmitterKind,
                g.Key.SubmitterName,
                g.Key.SectorId,
                g.Key.Category,
                Received = g.Count(),
                Adopted = g.Sum(f => TakenUp.Contains(f.Status) ? 1 : 0),
            }).ToListAsync(ct);
        var outcomeGroups = await (from o in db.OpinionOutcomes.AsNoTracking()
                                   join f in facts on o.ReportId equals f.Id
                                   group o by new { f.SubmitterKind, f.SubmitterName, f.SectorId, f.Category, o.Kind, o.Level, o.InstructionLevel, o.Combined } into g
                                   select new
                                   {
                                       g.Key.SubmitterKind,
                                       g.Key.SubmitterName,
                                       g.Key.SectorId,
                                       g.Key.Category,
                                       g.Key.Kind,
                                       g.Key.Level,
                                       g.Key.InstructionLevel,
                                       g.Key.Combined,
                                       Count = g.Count(),
                                   }).ToListAsync(ct);

        var cells = reportGroups.Select(g => new Cell(new GroupKey(g.SubmitterKind, g.SubmitterName, g.SectorId, g.Category), g.Received, g.Adopted, null, 0))
            .Concat(outcomeGroups.Select(g => new Cell(new GroupKey(g.SubmitterKind, g.SubmitterName, g.SectorId, g.Category), 0, 0,
                new OutcomeType(g.Kind, g.Level, g.InstructionLevel, g.Combined), g.Count)))
            .ToList();

        var sectors = await db.Sectors.AsNoTracking().Where(s => s.CommitteeId == id)
            .Select(s => new { s.Id, s.Name, s.SortOrder }).ToDictionaryAsync(s => s.Id, ct);

        return new OpinionYearStatistics(
            id,
            name,
            y,
            Sum("合计", cells, rules),
            [.. cells.GroupBy(c => c.Key.Kind).OrderBy(g => g.Key).Select(g => Sum(g.Key.DisplayName(), g, rules))],
            [.. cells.GroupBy(c => c.Key.SubmitterName).Select(g => Sum(g.Key is { Length: > 0 } n ? n : "（未填写）", g, rules))
                .OrderByDescending(f => f.Points).ThenByDescending(f => f.Received).ThenBy(f => f.Label, StringComparer.Ordinal)],
            [.. cells.GroupBy(c => c.Key.SectorId)
                .OrderBy(g => g.Key is { } s && sectors.TryGetValue(s, out var x) ? x.SortOrder : int.MaxValue)
                .Select(g => Sum(g.Key is { } s && sectors.TryGetValue(s, out var x) ? x.Name : "非委员或未设界别", g, rules))],
            [.. cells.GroupBy(c => c.Key.Category).OrderBy(g => CategoryOrder(rules, g.Key)).Select(g => Sum(g.Key is { Length: > 0 } k ? k : "未分类", g, rules))],
            Levels(cells, rules),
            await memberPoints.ForYearAsync(id, y, ct));
    }

    private static int CategoryOrder(OpinionSettings rules, string category)
    {
        var i = rules.CategoryList.ToList().IndexOf(category);
        return i < 0 ? int.MaxValue : i;
    }

    private static OpinionFigures Sum(string label, IEnumerable<Cell> cells, OpinionSettings rules)
    {
        var list = cells.ToList();
        int Count(Func<OutcomeType, bool> which) => list.Where(c => c.Outcome is { } o && which(o)).Sum(c => c.Count);
        bool Adoption(OutcomeType o, AdoptionLevel level) => o.Kind == OpinionOutcomeKind.Adopted && o.Level == level;
        bool Instruction(OutcomeType o, InstructionLevel level) => o.Kind == OpinionOutcomeKind.Instruction && o.InstructionLevel == level;
        return new OpinionFigures(
            label,
            list.Sum(c => c.Received),
            list.Sum(c => c.Adopted),
            Count(o => Adoption(o, AdoptionLevel.Own) && !o.Combined),
            Count(o => Adoption(o, AdoptionLevel.Own) && o.Combined),
            Count(o => o.Kind == OpinionOutcomeKind.Forwarded),
            Count(o => Adoption(o, AdoptionLevel.City)),
            Count(o => Adoption(o, AdoptionLevel.Province)),
            Count(o => Adoption(o, AdoptionLevel.National)),
            Count(o => Adoption(o, AdoptionLevel.PartyGovernment)),
            Count(o => Instruction(o, InstructionLevel.County)),
            Count(o => Instruction(o, InstructionLevel.City)),
            Count(o => Instruction(o, InstructionLevel.Province)),
            Count(o => Instruction(o, InstructionLevel.Central)),
            list.Where(c => c.Outcome is not null).Sum(c => c.Count * OpinionScoring.ReportPoints(rules, c.Outcome!.Value)));
    }

    /// <summary>按采用层级: own level single and combined, each upper level, and instructions by level.</summary>
    private static List<LevelFigures> Levels(List<Cell> cells, OpinionSettings rules)
    {
        LevelFigures Row(string label, Func<OutcomeType, bool> which)
        {
            var matching = cells.Where(c => c.Outcome is { } o && which(o)).ToList();
            return new LevelFigures(label, matching.Sum(c => c.Count), matching.Sum(c => c.Count * OpinionScoring.ReportPoints(rules, c.Outcome!.Value)));
        }

        var rows = new List<LevelFigures>
        {
            Row("本级采用（单篇）", o => o is { Kind: OpinionOutcomeKind.Adopted, Level: AdoptionLevel.Own, Combined: false }),
            Row("本级采用（综合）", o => o is { Kind: OpinionOutcomeKind.Adopted, Level: AdoptionLevel.Own, Combined: true }),
        };
        rows.AddRange(new[] { AdoptionLevel.City, AdoptionLevel.Province, AdoptionLevel.National, AdoptionLevel.PartyGovernment }
            .Select(l => Row($"{l.DisplayName()}采用", o => o.Kind == OpinionOutcomeKind.Adopted && o.Level == l)));
        rows.AddRange(Enum.GetValues<InstructionLevel>()
            .Select(l => Row($"{l.DisplayName()}批示", o => o.Kind == OpinionOutcomeKind.Instruction && o.InstructionLevel == l)));
        return rows;
    }

    private sealed record GroupKey(OpinionSubmitterKind Kind, string SubmitterName, Guid? SectorId, string Category);

    /// <summary>One group of the finest grouping: its report counts, or the count of one outcome type.</summary>
    private sealed record Cell(GroupKey Key, int Received, int Adopted, OutcomeType? Outcome, int Count);
}
