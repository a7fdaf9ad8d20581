using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Modules.Proposals.Search;

/// <summary>Reads proposals (with their approved replies) from the database into the index: one
/// proposal after a change, or all of them in batches for a rebuild. Runs as the system actor.</summary>
public sealed class ProposalIndexer(TongxinDbContext db, ProposalIndex index, ILogger<ProposalIndexer> log)
{
    private const int BatchSize = 500;

    /// <summary>Re-reads one proposal and replaces its document (or removes it, if the draft was deleted).
    /// 社情民意转办 cases are not proposals and never enter the index.</summary>
    public async Task RefreshAsync(Guid proposalId, CancellationToken ct)
    {
        var entries = await LoadAsync(Proposals.Where(p => p.Id == proposalId), ct);
        if (entries.Count == 0)
        {
            index.Delete(proposalId);
        }
        else
        {
            index.Upsert(entries);
        }
    }

    /// <summary>Replaces the whole index with what the database holds; returns the number of proposals.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        index.Clear();
        var count = 0;
        while (true)
        {
            var batch = await LoadAsync(Proposals.OrderBy(p => p.Id).Skip(count).Take(BatchSize), ct);
            if (batch.Count == 0)
            {
                break;
            }

            index.Upsert(batch, commit: false);
            count += batch.Count;
        }

        index.Commit();
        log.LogInformation("Search index rebuilt: {Count} proposals in {Seconds:F1} s", count, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        return count;
    }

    private IQueryable<Proposal> Proposals => db.Proposals.Where(p => p.SourceReportId == null);

    private async Task<List<ProposalIndexEntry>> LoadAsync(IQueryable<Proposal> proposals, CancellationToken ct)
    {
        var rows = await proposals.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                p.CommitteeId,
                p.SessionId,
                p.Year,
                p.Status,
                p.Category,
                p.MayPublish,
                p.Number,
                p.Title,
                p.Situation,
                p.Suggestions,
                p.LeadMemberName,
                When = p.SubmittedAt ?? p.CreatedAt,
            })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var replies = (await db.ProposalReplies.AsNoTracking()
                .Where(r => ids.Contains(r.ProposalId) && r.Status == ReplyStatus.Approved)
                .Select(r => new { r.ProposalId, r.Round, r.HandlingUnitName, r.Text })
                .ToListAsync(ct))
            .OrderBy(r => r.Round).ThenBy(r => r.HandlingUnitName, StringComparer.Ordinal)
            .ToLookup(r => r.ProposalId, r => r.Text);
        return [.. rows.Select(r => new ProposalIndexEntry(
            r.Id, r.CommitteeId, r.SessionId, r.Year, r.Status, r.Category, r.MayPublish, r.Number,
            r.Title, r.Situation, r.Suggestions, r.LeadMemberName, string.Join("\n\n", replies[r.Id]), r.When))];
    }
}

/// <summary>Keeps the index current: every <see cref="ProposalChanged"/> re-reads the proposal.</summary>
public sealed class ProposalIndexHandler(ProposalIndexer indexer) : IEventHandler<ProposalChanged>
{
    public Task HandleAsync(ProposalChanged e, EventContext ctx, CancellationToken ct) => indexer.RefreshAsync(e.ProposalId, ct);
}

/// <summary>At start, fills an empty index from the database in the background (a new
/// installation, a deleted index folder, a moved IndexPath), so the app is usable meanwhile.</summary>
public sealed class SearchIndexStartup(IServiceScopeFactory scopes, ProposalIndex index, ILogger<SearchIndexStartup> log) : BackgroundService
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
            if (!await db.Proposals.AnyAsync(stoppingToken))
            {
                return;
            }

            log.LogInformation("Search index is empty but the database has proposals: rebuilding");
            await scope.ServiceProvider.GetRequiredService<ProposalIndexer>().RebuildAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Search stays empty until `search rebuild` or the next start; the rest of the app works.
            log.LogError(ex, "Rebuilding the search index at start failed");
        }
    }
}
