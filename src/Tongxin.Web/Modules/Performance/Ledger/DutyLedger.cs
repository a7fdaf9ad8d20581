using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Proposals.Seeding;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Performance.Ledger;

/// <summary>履职台账 – keeps <see cref="DutyEntry"/> and <see cref="DutyYearScore"/> equal to what
/// the sources and the rules say. Three ways in, one code path: <see cref="RebuildAsync"/> (a
/// committee-year from scratch), <see cref="RefreshAsync"/> (some members, after an event) and
/// <see cref="RescoreAsync"/> (a rule change: entries stay, scores are recomputed). All collect
/// through the same <see cref="IDutyCollector"/>s and score through
/// <see cref="DutyPointsCalculator"/>, so a rebuild equals any sequence of refreshes. Derived
/// rows are not audited one by one (they are a function of audited data); a staff rebuild writes
/// one audit entry.</summary>
public sealed class DutyLedger(TongxinDbContext db, IEnumerable<IDutyCollector> collectors, OpinionSettingsStore opinionSettings, TimeProvider time)
{
    /// <summary>The committee's rule book for the year (saved set or defaults, opinion items from 社情民意设置).</summary>
    public async Task<DutyRuleBook> RulesAsync(Guid committeeId, int year, CancellationToken ct = default)
    {
        var set = await db.DutyRuleSets.IgnoreQueryFilters().AsNoTracking().Include(s => s.Rules)
            .FirstOrDefaultAsync(s => s.CommitteeId == committeeId && s.Year == year, ct);
        return DutyDefaults.Book(set, await opinionSettings.GetAsync(committeeId, ct));
    }

    /// <summary>Every entry the sources imply for the scope, in a stable order.</summary>
    public async Task<List<DutyEntry>> CollectAsync(DutyScope scope, CancellationToken ct = default)
    {
        var all = new List<DutyEntry>();
        foreach (var collector in collectors)
        {
            all.AddRange(await collector.CollectAsync(scope, ct));
        }

        return [.. all.OrderBy(e => e.MemberId).ThenBy(e => e.Date).ThenBy(e => e.Item).ThenBy(e => e.SourceId)];
    }

    /// <summary>Rebuilds a committee-year: replaces its entries and scores. Idempotent.</summary>
    /// <returns>The number of entries written.</returns>
    public async Task<int> RebuildAsync(Guid committeeId, int year, CancellationToken ct = default)
    {
        var entries = await CollectAsync(new DutyScope(committeeId, year), ct);
        await InTransactionAsync(async () =>
        {
            await db.DutyEntries.IgnoreQueryFilters().Where(e => e.CommitteeId == committeeId && e.Year == year).ExecuteDeleteAsync(ct);
            await new BulkWriter(db).WriteAsync(entries, ct);
            await WriteScoresAsync(committeeId, year, entries, null, ct);
        }, ct);
        return entries.Count;
    }

    /// <summary>Re-collects only <paramref name="memberIds"/> (after an event touched them), then
    /// their scores and the committee-year's ranks.</summary>
    public async Task RefreshAsync(Guid committeeId, int year, IReadOnlyCollection<Guid> memberIds, CancellationToken ct = default)
    {
        var ids = memberIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var entries = await CollectAsync(new DutyScope(committeeId, year, ids), ct);
        await InTransactionAsync(async () =>
        {
            await db.DutyEntries.IgnoreQueryFilters()
                .Where(e => e.CommitteeId == committeeId && e.Year == year && ids.Contains(e.MemberId)).ExecuteDeleteAsync(ct);
            await new BulkWriter(db).WriteAsync(entries, ct);
            await WriteScoresAsync(committeeId, year, entries, ids, ct);
        }, ct);
    }

    /// <summary>Recomputes a committee-year's scores from its stored entries (after a rule change).</summary>
    public async Task RescoreAsync(Guid committeeId, int year, CancellationToken ct = default)
    {
        var entries = await db.DutyEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.CommitteeId == committeeId && e.Year == year).ToListAsync(ct);
        await InTransactionAsync(() => WriteScoresAsync(committeeId, year, entries, null, ct), ct);
    }

    /// <summary>Scores for the members in scope (all active members of the committee and anyone
    /// with entries, or only <paramref name="only"/>), then ranks over the whole committee-year.</summary>
    private async Task WriteScoresAsync(Guid committeeId, int year, IReadOnlyList<DutyEntry> entries, IReadOnlyCollection<Guid>? only, CancellationToken ct)
    {
        var rules = await RulesAsync(committeeId, year, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var byMember = entries.ToLookup(e => e.MemberId);
        var memberIds = only is not null
            ? only.ToHashSet()
            : (await db.Members.IgnoreQueryFilters().Where(m => m.CommitteeId == committeeId && m.IsActive).Select(m => m.Id).ToListAsync(ct))
                .Concat(byMember.Select(g => g.Key)).ToHashSet();

        var scores = memberIds.Select(id =>
        {
            var s = new DutyYearScore { CommitteeId = committeeId, MemberId = id, Year = year, ComputedAt = now };
            DutyPointsCalculator.Apply(DutyPointsCalculator.Compute(rules, [.. byMember[id]]), s);
            return s;
        }).ToList();

        var stored = db.DutyYearScores.IgnoreQueryFilters().Where(s => s.CommitteeId == committeeId && s.Year == year);
        if (only is null)
        {
            await stored.ExecuteDeleteAsync(ct);
            var ranks = DutyPointsCalculator.Rank(scores.Select(s => (s.MemberId, s.Total)));
            foreach (var s in scores)
            {
                s.Rank = ranks[s.MemberId];
            }

            await new BulkWriter(db).WriteAsync(scores, ct);
            return;
        }

        var ids = only.ToList();
        await stored.Where(s => ids.Contains(s.MemberId)).ExecuteDeleteAsync(ct);

        // Active members the year has not scored yet (new, or the year's first event) get their
        // zero row, so the ranks and the staff table match what a rebuild writes.
        var unscored = await db.Members.IgnoreQueryFilters()
            .Where(m => m.CommitteeId == committeeId && m.IsActive && !ids.Contains(m.Id) && !stored.Any(s => s.MemberId == m.Id))
            .Select(m => m.Id).ToListAsync(ct);
        foreach (var id in unscored)
        {
            var s = new DutyYearScore { CommitteeId = committeeId, MemberId = id, Year = year, ComputedAt = now };
            DutyPointsCalculator.Apply(DutyPointsCalculator.Compute(rules, []), s);
            scores.Add(s);
        }

        await new BulkWriter(db).WriteAsync(scores, ct);

        // Ranks move for others too; rewrite only the ones that changed.
        var current = await stored.AsNoTracking().Select(s => new { s.Id, s.MemberId, s.Total, s.Rank }).ToListAsync(ct);
        var newRanks = DutyPointsCalculator.Rank(current.Select(s => (s.Id, s.Total)));
        foreach (var group in current.Where(s => newRanks[s.Id] != s.Rank).GroupBy(s => newRanks[s.Id]))
        {
            var changed = group.Select(s => s.Id).ToList();
            var rank = group.Key;
            await db.DutyYearScores.IgnoreQueryFilters().Where(s => changed.Contains(s.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Rank, rank), ct);
        }
    }

    private async Task InTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await work();
            await tx.CommitAsync(ct);
        });
    }
}
