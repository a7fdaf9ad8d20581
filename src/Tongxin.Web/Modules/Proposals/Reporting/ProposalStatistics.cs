using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Reporting;

/// <summary>A share as a percentage with one decimal, or null when the base is zero ("—").</summary>
public static class Rate
{
    public static double? Of(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    public static string Text(double? rate) => rate is { } r ? $"{r:0.0}%" : "—";
}

/// <summary>提案数字 (DOMAIN.md "Figures a committee reports") of one group of proposals.
/// 收到 = submitted (everything but drafts and withdrawn ones, returned ones included);
/// 立案 = accepted for filing, including those then merged into a main proposal (并案 is a way of
/// accepting a proposal: its proposers keep their credit);
/// 并案后 = filed proposals not merged into another (the ones handled and replied to);
/// 不予立案 and, of those, converted into a 社情民意 report;
/// 答复 = first-round replies sent; 按时办复 = first reply sent on or before the deadline (Beijing date);
/// 办复率 = 按时办复 / 并案后 (merged proposals are answered with their main proposal's reply, so the
/// rate is over the proposals that were handled, as Pinghu's "219 after merging, all replied in time").</summary>
public sealed record ProposalFigures(
    string Label,
    int Received,
    int Filed,
    int AfterMerging,
    int NotFiled,
    int Converted,
    int Replied,
    int RepliedOnTime,
    int KeyCount,
    int ImportantCount)
{
    public int Merged => Filed - AfterMerging;

    /// <summary>办复率.</summary>
    public double? OnTimeRate => Rate.Of(RepliedOnTime, AfterMerging);

    /// <summary>立案率 = 立案 / 收到.</summary>
    public double? FiledRate => Rate.Of(Filed, Received);
}

/// <summary>满意率 from the proposers' ratings of the final round of each proposal
/// (满意 + 基本满意 over rated, attitude and result separately).</summary>
public sealed record SatisfactionFigures(
    int Rated,
    int AttitudeSatisfied,
    int AttitudeBasically,
    int AttitudeUnsatisfied,
    int ResultSatisfied,
    int ResultBasically,
    int ResultUnsatisfied)
{
    public double? AttitudeRate => Rate.Of(AttitudeSatisfied + AttitudeBasically, Rated);

    public double? ResultRate => Rate.Of(ResultSatisfied + ResultBasically, Rated);
}

/// <summary>承办单位办理情况 – one unit's row of the unit performance table.</summary>
public sealed record UnitPerformance(
    Guid UnitId,
    string Unit,
    int Assigned,
    int Replying,
    int Replied,
    int RepliedOnTime,
    int Rated,
    int AttitudeSatisfied,
    int ResultSatisfied,
    int ItemsTotal,
    int ItemsDone)
{
    /// <summary>按时办复率 over the assignments that must reply (协办 units give an opinion instead).</summary>
    public double? OnTimeRate => Rate.Of(RepliedOnTime, Replying);

    public double? AttitudeRate => Rate.Of(AttitudeSatisfied, Rated);

    public double? ResultRate => Rate.Of(ResultSatisfied, Rated);

    /// <summary>落实率.</summary>
    public double? ItemsDoneRate => Rate.Of(ItemsDone, ItemsTotal);
}

/// <summary>One session's statistics with every breakdown.</summary>
public sealed record SessionStatistics(
    Guid CommitteeId,
    string CommitteeName,
    Guid SessionId,
    string SessionName,
    ProposalFigures Totals,
    SatisfactionFigures Satisfaction,
    int ItemsTotal,
    int ItemsDone,
    int Instructions,
    IReadOnlyList<ProposalFigures> ByCategory,
    IReadOnlyList<ProposalFigures> BySector,
    IReadOnlyList<ProposalFigures> ByKind,
    IReadOnlyList<UnitPerformance> Units)
{
    /// <summary>落实率.</summary>
    public double? ItemsDoneRate => Rate.Of(ItemsDone, ItemsTotal);
}

/// <summary>提案统计 – the figures of one session, aggregated in the database (one GROUP BY per
/// table). Proposal staff may see every readable committee's sessions; a leader only the own
/// committee's.</summary>
public sealed class ProposalStatisticsHandler(TongxinDbContext db, IActorAccessor actors)
{
    private static readonly ProposalStatus[] Handled =
        [ProposalStatus.Filed, ProposalStatus.Handling, ProposalStatus.AwaitingRating, ProposalStatus.Completed];

    private Actor Actor => actors.Actor;

    /// <summary>May the actor see statistics of <paramref name="committeeId"/>?</summary>
    public static bool CanView(Actor a, Guid committeeId) =>
        (ProposalAccess.IsProposalStaff(a) && a.CanRead(committeeId))
        || (ProposalAccess.IsLeader(a) && a.CommitteeId == committeeId);

    /// <summary>The session's statistics; the actor's committee's current session when none is given.</summary>
    public async Task<SessionStatistics> GetAsync(Guid? sessionId, CancellationToken ct = default)
    {
        var session = await ResolveSessionAsync(sessionId, ct);
        var committeeName = await db.Committees.Where(c => c.Id == session.CommitteeId).Select(c => c.Name).FirstAsync(ct);
        var proposals = db.Proposals.AsNoTracking().Where(p => p.SessionId == session.Id && p.CommitteeId == session.CommitteeId && p.SourceReportId == null);
        var facts = Facts(proposals);

        var totals = await CountByAsync(facts, f => 0, ct);
        var byCategory = await CountByAsync(facts, f => f.Category, ct);
        var bySector = await CountByAsync(facts, f => f.SectorId, ct);
        var byKind = await CountByAsync(facts, f => f.Kind, ct);

        // Ratings of each proposal's final round (a 不满意 in round 1 is superseded by round 2's).
        var ratings = from r in db.ProposalRatings.AsNoTracking()
                      join p in proposals on r.ProposalId equals p.Id
                      where r.Round == p.Round
                      select r;
        var satisfaction = (await ratings.GroupBy(r => 0).Select(g => new SatisfactionFigures(
                g.Count(),
                g.Sum(r => r.Attitude == Satisfaction.Satisfied ? 1 : 0),
                g.Sum(r => r.Attitude == Satisfaction.BasicallySatisfied ? 1 : 0),
                g.Sum(r => r.Attitude == Satisfaction.Unsatisfied ? 1 : 0),
                g.Sum(r => r.Result == Satisfaction.Satisfied ? 1 : 0),
                g.Sum(r => r.Result == Satisfaction.BasicallySatisfied ? 1 : 0),
                g.Sum(r => r.Result == Satisfaction.Unsatisfied ? 1 : 0)))
            .ToListAsync(ct)).FirstOrDefault() ?? new SatisfactionFigures(0, 0, 0, 0, 0, 0, 0);

        // Items of approved replies only: a draft's or rejected reply's commitments were never made.
        var items = from i in db.ProposalReplyItems.AsNoTracking()
                    join r in db.ProposalReplies on i.ReplyId equals r.Id
                    join p in proposals on i.ProposalId equals p.Id
                    where r.Status == ReplyStatus.Approved
                    select new { i.Status, r.AssignmentId };
        // One group or none: read as a list, since FirstOrDefault over a GROUP BY has no order to go by.
        var itemCounts = (await items.GroupBy(i => 0)
            .Select(g => new { Total = g.Count(), Done = g.Sum(i => i.Status == ItemStatus.Done ? 1 : 0) })
            .ToListAsync(ct)).FirstOrDefault();
        var instructions = await (from i in db.ProposalInstructions join p in proposals on i.ProposalId equals p.Id select i.Id).CountAsync(ct);

        var sectorNames = await db.Sectors.AsNoTracking().Where(s => s.CommitteeId == session.CommitteeId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var sectorOrder = await db.Sectors.AsNoTracking().Where(s => s.CommitteeId == session.CommitteeId).ToDictionaryAsync(s => s.Id, s => s.SortOrder, ct);
        var units = await UnitsAsync(proposals, ct);

        return new SessionStatistics(
            session.CommitteeId,
            committeeName,
            session.Id,
            session.Name,
            totals.Select(g => g.ToFigures("合计")).FirstOrDefault() ?? new ProposalFigures("合计", 0, 0, 0, 0, 0, 0, 0, 0, 0),
            satisfaction,
            itemCounts?.Total ?? 0,
            itemCounts?.Done ?? 0,
            instructions,
            [.. byCategory.OrderBy(g => g.Key).Select(g => g.ToFigures(g.Key is { Length: > 0 } k ? k : "未分类"))],
            [.. bySector.OrderBy(g => g.Key is { } id && sectorOrder.TryGetValue(id, out var o) ? o : int.MaxValue)
                .Select(g => g.ToFigures(g.Key is { } id && sectorNames.TryGetValue(id, out var n) ? n : "未设界别"))],
            [.. byKind.OrderBy(g => g.Key).Select(g => g.ToFigures(g.Key.DisplayName()))],
            units);
    }

    private async Task<Session> ResolveSessionAsync(Guid? sessionId, CancellationToken ct)
    {
        var a = Actor;
        if (!ProposalAccess.IsProposalStaff(a) && !ProposalAccess.IsLeader(a))
        {
            throw new ForbiddenException("只有提案工作人员和领导可以查看提案统计。");
        }

        Session? session = sessionId is { } id
            ? await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            : await db.Sessions.AsNoTracking().Where(s => s.CommitteeId == a.CommitteeId)
                .OrderByDescending(s => s.IsCurrent).ThenByDescending(s => s.StartDate).FirstOrDefaultAsync(ct);
        if (session is null)
        {
            throw new NotFoundException("会次");
        }

        if (!CanView(a, session.CommitteeId))
        {
            throw new ForbiddenException("您无权查看该政协的提案统计。");
        }

        return session;
    }

    /// <summary>One row per proposal with the yes/no facts the figures count. 按时办复 compares the
    /// first reply's Beijing date with the deadline, in SQL for each provider.</summary>
    private IQueryable<Fact> Facts(IQueryable<Proposal> proposals)
    {
        var withSector = from p in proposals
                         join m in db.Members.IgnoreQueryFilters() on p.LeadMemberId equals m.Id into ms
                         from m in ms.DefaultIfEmpty()
                         select new { p, SectorId = m == null ? null : m.SectorId };
        return db.Database.IsNpgsql()
            ? withSector.Select(x => new Fact
            {
                Category = x.p.Category,
                SectorId = x.SectorId,
                Kind = x.p.Kind,
                Received = x.p.Status != ProposalStatus.Draft && x.p.Status != ProposalStatus.Withdrawn,
                Filed = Handled.Contains(x.p.Status) || x.p.Status == ProposalStatus.Merged,
                Handled = Handled.Contains(x.p.Status),
                NotFiled = x.p.Status == ProposalStatus.NotFiled,
                Converted = x.p.Status == ProposalStatus.NotFiled && x.p.ConvertedToOpinion,
                Replied = Handled.Contains(x.p.Status) && x.p.FirstRepliedAt != null,
                OnTime = Handled.Contains(x.p.Status) && x.p.FirstRepliedAt != null && x.p.Deadline != null
                    && DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(x.p.FirstRepliedAt!.Value, "Asia/Shanghai")) <= x.p.Deadline!.Value,
                IsKey = x.p.IsKey,
                IsImportant = x.p.IsImportant,
            })
            : withSector.Select(x => new Fact
            {
                Category = x.p.Category,
                SectorId = x.SectorId,
                Kind = x.p.Kind,
                Received = x.p.Status != ProposalStatus.Draft && x.p.Status != ProposalStatus.Withdrawn,
                Filed = Handled.Contains(x.p.Status) || x.p.Status == ProposalStatus.Merged,
                Handled = Handled.Contains(x.p.Status),
                NotFiled = x.p.Status == ProposalStatus.NotFiled,
                Converted = x.p.Status == ProposalStatus.NotFiled && x.p.ConvertedToOpinion,
                Replied = Handled.Contains(x.p.Status) && x.p.FirstRepliedAt != null,
                OnTime = Handled.Contains(x.p.Status) && x.p.FirstRepliedAt != null && x.p.Deadline != null
                    && DateOnly.FromDateTime(x.p.FirstRepliedAt!.Value.AddHours(8)) <= x.p.Deadline!.Value,
                IsKey = x.p.IsKey,
                IsImportant = x.p.IsImportant,
            });
    }

    /// <summary>The unit performance table: four GROUP BY queries over the session's assignments,
    /// replies, ratings and items, joined by unit here (a few hundred rows at most).</summary>
    private async Task<IReadOnlyList<UnitPerformance>> UnitsAsync(IQueryable<Proposal> proposals, CancellationToken ct)
    {
        var assignments = from a in db.ProposalAssignments.AsNoTracking()
                          join p in proposals on a.ProposalId equals p.Id
                          where a.Status != AssignmentStatus.Returned
                          select a;
        var assigned = await assignments.GroupBy(a => a.HandlingUnitId).Select(g => new
        {
            UnitId = g.Key,
            Assigned = g.Count(),
            Replying = g.Sum(a => a.Role != AssignmentRole.Co ? 1 : 0),
            Replied = g.Sum(a => a.Status == AssignmentStatus.Replied ? 1 : 0),
        }).ToListAsync(ct);

        var firstReplies = from r in db.ProposalReplies.AsNoTracking()
                           join a in assignments on r.AssignmentId equals a.Id
                           where r.Round == 1 && r.Status == ReplyStatus.Approved && r.ReviewedAt != null
                           select new { a.HandlingUnitId, r.ReviewedAt, a.Deadline };
        var onTime = db.Database.IsNpgsql()
            ? await firstReplies.Where(x => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(x.ReviewedAt!.Value, "Asia/Shanghai")) <= x.Deadline)
                .GroupBy(x => x.HandlingUnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.UnitId, x => x.Count, ct)
            : await firstReplies.Where(x => DateOnly.FromDateTime(x.ReviewedAt!.Value.AddHours(8)) <= x.Deadline)
                .GroupBy(x => x.HandlingUnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);

        var ratings = await (from r in db.ProposalRatings.AsNoTracking()
                             join p in proposals on r.ProposalId equals p.Id
                             join a in db.ProposalAssignments on p.Id equals a.ProposalId
                             where r.Round == p.Round && a.Status != AssignmentStatus.Returned && a.Role != AssignmentRole.Co
                             group r by a.HandlingUnitId into g
                             select new
                             {
                                 UnitId = g.Key,
                                 Rated = g.Count(),
                                 Attitude = g.Sum(r => r.Attitude != Satisfaction.Unsatisfied ? 1 : 0),
                                 Result = g.Sum(r => r.Result != Satisfaction.Unsatisfied ? 1 : 0),
                             }).ToDictionaryAsync(x => x.UnitId, ct);

        var items = await (from i in db.ProposalReplyItems.AsNoTracking()
                           join r in db.ProposalReplies on i.ReplyId equals r.Id
                           join a in assignments on r.AssignmentId equals a.Id
                           where r.Status == ReplyStatus.Approved
                           group i by a.HandlingUnitId into g
                           select new { UnitId = g.Key, Total = g.Count(), Done = g.Sum(i => i.Status == ItemStatus.Done ? 1 : 0) })
            .ToDictionaryAsync(x => x.UnitId, ct);

        var ids = assigned.Select(a => a.UnitId).ToList();
        var names = await db.HandlingUnits.AsNoTracking().IgnoreQueryFilters().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return [.. assigned
            .Select(a => new UnitPerformance(
                a.UnitId,
                names.GetValueOrDefault(a.UnitId, "（已删除的单位）"),
                a.Assigned,
                a.Replying,
                a.Replied,
                onTime.GetValueOrDefault(a.UnitId),
                ratings.TryGetValue(a.UnitId, out var r) ? r.Rated : 0,
                r?.Attitude ?? 0,
                r?.Result ?? 0,
                items.TryGetValue(a.UnitId, out var i) ? i.Total : 0,
                i?.Done ?? 0))
            .OrderByDescending(u => u.Assigned).ThenBy(u => u.Unit, StringComparer.Ordinal)];
    }

    /// <summary>Every proposal figure of one breakdown, counted by the database in one GROUP BY.</summary>
    private static Task<List<GroupCounts<TKey>>> CountByAsync<TKey>(IQueryable<Fact> facts, System.Linq.Expressions.Expression<Func<Fact, TKey>> key, CancellationToken ct) =>
        facts.GroupBy(key).Select(g => new GroupCounts<TKey>
        {
            Key = g.Key,
            Received = g.Sum(f => f.Received ? 1 : 0),
            Filed = g.Sum(f => f.Filed ? 1 : 0),
            AfterMerging = g.Sum(f => f.Handled ? 1 : 0),
            NotFiled = g.Sum(f => f.NotFiled ? 1 : 0),
            Converted = g.Sum(f => f.Converted ? 1 : 0),
            Replied = g.Sum(f => f.Replied ? 1 : 0),
            OnTime = g.Sum(f => f.OnTime ? 1 : 0),
            KeyCount = g.Sum(f => f.IsKey ? 1 : 0),
            ImportantCount = g.Sum(f => f.IsImportant ? 1 : 0),
        }).ToListAsync(ct);

    private sealed class Fact
    {
        public string Category { get; init; } = "";
        public Guid? SectorId { get; init; }
        public ProposerKind Kind { get; init; }
        public bool Received { get; init; }
        public bool Filed { get; init; }
        public bool Handled { get; init; }
        public bool NotFiled { get; init; }
        public bool Converted { get; init; }
        public bool Replied { get; init; }
        public bool OnTime { get; init; }
        public bool IsKey { get; init; }
        public bool IsImportant { get; init; }
    }

    private sealed class GroupCounts<TKey>
    {
        public TKey Key { get; init; } = default!;
        public int Received { get; init; }
        public int Filed { get; init; }
        public int AfterMerging { get; init; }
        public int NotFiled { get; init; }
        public int Converted { get; init; }
        public int Replied { get; init; }
        public int OnTime { get; init; }
        public int KeyCount { get; init; }
        public int ImportantCount { get; init; }

        public ProposalFigures ToFigures(string label) =>
            new(label, Received, Filed, AfterMerging, NotFiled, Converted, Replied, OnTime, KeyCount, ImportantCount);
    }
}
