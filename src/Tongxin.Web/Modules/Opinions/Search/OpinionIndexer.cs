using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Modules.Opinions.Search;

/// <summary>Reads reports from the database into the index: one report after a change, or all of
/// them for a rebuild (one streamed query, written to the index a batch at a time, so a million
/// reports are read once and held a batch at a time). Runs as the system actor.</summary>
public sealed class OpinionIndexer(TongxinDbContext db, OpinionIndex index, ILogger<OpinionIndexer> log)
{
    private const int BatchSize = 2000;

    /// <summary>Re-reads one report and replaces its document (or removes it, if the draft was deleted).</summary>
    public async Task RefreshAsync(Guid reportId, CancellationToken ct)
    {
        var entries = await LoadAsync(db.OpinionReports.Where(r => r.Id == reportId), ct);
        if (entries.Count == 0)
        {
            index.Delete(reportId);
        }
        else
        {
            index.Upsert(entries);
        }
    }

    /// <summary>Replaces the whole index with what the database holds; returns the number of reports.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        index.Clear();
        var count = 0;
        var batch = new List<OpinionIndexEntry>(BatchSize);
        await foreach (var entry in Project(db.OpinionReports).AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(entry);
            if (batch.Count == BatchSize)
            {
                index.Upsert(batch, commit: false);
                count += batch.Count;
                batch.Clear();
            }
        }

        index.Upsert(batch, commit: false);
        count += batch.Count;
        index.Commit();
        log.LogInformation("Report search index rebuilt: {Count} reports in {Seconds:F1} s", count, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        return count;
    }

    private static async Task<List<OpinionIndexEntry>> LoadAsync(IQueryable<OpinionReport> reports, CancellationToken ct) =>
        await Project(reports).ToListAsync(ct);

    private static IQueryable<OpinionIndexEntry> Project(IQueryable<OpinionReport> reports) =>
        reports.AsNoTracking().Select(r => new OpinionIndexEntry(
            r.Id, r.CommitteeId, r.Year, r.SerialNo, r.Status, r.Category, r.SubmitterKind, r.IsUrgent,
            r.Title, r.Situation, r.Analysis, r.Suggestion, r.SubmitterName, r.SubmittedAt ?? r.CreatedAt));
}

/// <summary>Keeps the index current: every <see cref="OpinionChanged"/> re-reads the report.</summary>
public sealed class OpinionIndexHandler(OpinionIndexer indexer) : IEventHandler<OpinionChanged>
{
    public Task HandleAsync(OpinionChanged e, EventContext ctx, CancellationToken ct) => indexer.RefreshAsync(e.ReportId, ct);
}

/// <summary>At start, fills an empty index from the database in the background (a new
/// installation, a deleted index folder, demo data written directly), so the app is usable meanwhile.</summary>
public sealed class OpinionIndexStartup(IServiceScopeFactory scopes, OpinionIndex index, ILogger<OpinionIndexStartup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the database is read.
        await Task.Yield();
        try
        {
            if (index.Count > 0)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
            var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
            if (!await db.OpinionReports.AnyAsync(stoppingToken))
            {
                return;
            }

            log.LogInformation("Report search index is empty but the database has reports: rebuilding");
            await scope.ServiceProvider.GetRequiredService<OpinionIndexer>().RebuildAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Search stays empty until `search rebuild` or the next start; the rest of the app works.
            log.LogError(ex, "Rebuilding the report search index at start failed");
        }
    }
}
