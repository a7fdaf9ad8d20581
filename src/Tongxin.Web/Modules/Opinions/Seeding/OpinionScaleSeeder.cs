using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals.Seeding;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Opinions.Seeding;

/// <summary>Reports in bulk for the benchmark (<c>bench/Tongxin.Bench opinions</c>): the reports
/// alone, with their member authors – no versions, timelines or bulletins – spread over the given
/// committees and ten years (2017–2026), in the status mix of a mature deployment (most printed or
/// not adopted; 5 % waiting for screening, the newest). Written in chunks with PostgreSQL COPY
/// (<see cref="BulkWriter"/>), so memory stays bounded. Deterministic.</summary>
public static class OpinionScaleSeeder
{
    private const int Chunk = 50_000;

    /// <param name="db">A context acting as the system.</param>
    /// <param name="shares">Each committee and how many reports it gets.</param>
    /// <param name="log">Progress, one line a chunk.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<int> SeedAsync(TongxinDbContext db, IReadOnlyList<(Guid CommitteeId, int Count)> shares, Action<string>? log = null, CancellationToken ct = default)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        var audit = db.AuditEntityChanges;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AuditEntityChanges = false;
        try
        {
            var random = new Random(5026);
            var writer = new BulkWriter(db);
            var total = 0;
            foreach (var (committeeId, count) in shares)
            {
                var members = await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.CommitteeId == committeeId)
                    .OrderBy(m => m.DutyCode).Select(m => new SeedAuthor(m.Id, m.Name)).ToListAsync(ct);
                var generator = new OpinionGenerator(committeeId, members, random);
                // The demo reports are numbered already: the generated ones follow them.
                var numbered = await db.OpinionReports.IgnoreQueryFilters().Where(r => r.CommitteeId == committeeId && r.SerialNo != null)
                    .GroupBy(r => r.Year).Select(g => new { Year = g.Key, Last = g.Max(r => r.SerialNo!.Value) }).ToListAsync(ct);
                foreach (var y in numbered)
                {
                    generator.ContinueSerials(y.Year, y.Last);
                }

                // Oldest first, so that 收稿编号 follow the submission order within a year.
                var start = new DateTime(2017, 1, 3, 1, 0, 0, DateTimeKind.Utc);
                var span = new DateTime(2026, 2, 27, 1, 0, 0, DateTimeKind.Utc) - start;
                for (var done = 0; done < count; done += Chunk)
                {
                    var batch = new OpinionBatch();
                    var n = Math.Min(Chunk, count - done);
                    for (var i = 0; i < n; i++)
                    {
                        var position = (double)(done + i) / count;
                        var at = start + (span * position) + TimeSpan.FromMinutes(random.Next(600));
                        generator.Add(batch, Pick(random, position), at, withDetails: false);
                    }

                    await writer.WriteAsync(batch.Reports, ct);
                    await writer.WriteAsync(batch.Authors, ct);
                    total += n;
                    log?.Invoke($"{total:N0} reports written");
                }
            }

            return total;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
            db.AuditEntityChanges = audit;
        }
    }

    /// <summary>The newest 5 % wait for screening; the rest is decided.</summary>
    private static OpinionStatus Pick(Random random, double position) =>
        position >= 0.95 ? OpinionStatus.Submitted
        : random.Next(100) switch
        {
            < 55 => OpinionStatus.Published,
            < 80 => OpinionStatus.Rejected,
            < 88 => OpinionStatus.Kept,
            < 91 => OpinionStatus.Returned,
            < 93 => OpinionStatus.Withdrawn,
            < 95 => OpinionStatus.ProposalClue,
            < 98 => OpinionStatus.Adopted,
            _ => OpinionStatus.SignedOff,
        };
}
