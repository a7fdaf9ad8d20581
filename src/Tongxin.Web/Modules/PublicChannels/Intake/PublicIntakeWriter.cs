using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>Group commit for public letters. Every public letter used to pay its own transaction:
/// the audit chain's head locked, the row, its audit entry and outbox event written, one commit –
/// and letters arriving together queued one behind another on the chain head. The writer takes
/// whatever letters are waiting when a saver is free (up to <see cref="MaxBatch"/>) and stores them in one
/// save: one chain-head lock, one batch of inserts, one commit. Each letter keeps its own audit entry
/// under its own (public) actor and passes the tenancy check as that actor
/// (<see cref="TongxinDbContext.AttributeTo"/>); its followers (e.g. the monitoring point's problem)
/// join the same save. A lone letter is written at once, as a batch of one.
///
/// The caller waits for the commit: a receipt is shown only for a stored letter. When a batch is
/// refused (a double-clicked form whose first post is in the same batch, a receipt code taken, the
/// database briefly unavailable), nothing of it is stored and every letter in it is answered
/// <c>false</c>: its caller saves it alone, as before, where the unique indexes decide and the
/// errors are the usual ones.</summary>
public sealed class PublicIntakeWriter(IServiceScopeFactory scopes, ILogger<PublicIntakeWriter> log) : IAsyncDisposable
{
    /// <summary>The most letters one save stores.</summary>
    public const int MaxBatch = 128;

    /// <summary>Two savers: while one holds the chain head, the other prepares the next batch
    /// (scope, rows, followers). More would only queue on the chain head.</summary>
    public const int Savers = 2;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
    private readonly Lock start = new();
    private Task? loop;

    /// <summary>Queues a letter (not yet tracked by any context) for the next batch.</summary>
    /// <param name="submission">The letter, ready to insert.</param>
    /// <param name="by">The public actor the letter was received from (its audit entry and tenancy check).</param>
    /// <returns>True once committed; false when its batch was refused and nothing of it was stored.</returns>
    public Task<bool> WriteAsync(PublicSubmission submission, Actor by)
    {
        var pending = new Pending(new QueuedLetter(submission, by), new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            return Task.FromResult(false);
        }

        lock (start)
        {
            loop ??= Task.WhenAll(Enumerable.Range(0, Savers).Select(_ => Task.Run(RunAsync)));
        }

        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            var stored = false;
            try
            {
                await SaveBatchAsync([.. batch.Select(p => p.Letter)]);
                stored = true;
            }
            catch (Exception e)
            {
                // Expected now and then (a double click inside one batch): the letters go alone.
                log.LogInformation(e, "公众来信批量保存未成功（{Count} 封），逐封重新保存。", batch.Count);
            }

            foreach (var pending in batch)
            {
                pending.Done.TrySetResult(stored);
            }
        }
    }

    /// <summary>Stores the letters in one save (the loop's step; tests call it with a batch of their choosing).</summary>
    /// <exception cref="DbUpdateException">A unique index refused a row: nothing was stored.</exception>
    public async Task SaveBatchAsync(IReadOnlyList<QueuedLetter> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        // Reads (the followers' look-ups) see every committee; each row is written and audited as its sender.
        sp.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        var db = sp.GetRequiredService<TongxinDbContext>();
        var followers = sp.GetServices<IPublicLetterFollower>().ToList();
        // Rows are only added here (followers add, they do not edit), so nothing needs the change
        // tracker to compare snapshots until the save itself does: with automatic detection each
        // look at the tracked rows compared every row of the batch again, per letter.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // On PostgreSQL the batch's rows go in as one INSERT per table (see InsertInBulk).
        db.InsertInBulk = true;
        // The letter and whatever its followers add are the sender's.
        Actor? sender = null;
        db.ChangeTracker.Tracked += (_, e) =>
        {
            if (sender is not null && e.Entry.State == EntityState.Added)
            {
                db.AttributeTo(e.Entry.Entity, sender);
            }
        };
        foreach (var (submission, by) in batch)
        {
            sender = by;
            db.PublicSubmissions.Add(submission);
            db.Raise(PublicSubmissionReceived.Of(submission));
            if (submission.Status == PublicSubmissionStatus.Received)
            {
                foreach (var follower in followers)
                {
                    await follower.FollowAsync(submission, CancellationToken.None);
                }
            }
        }

        // The save's own rows (audit entries, outbox events) are the writer's to add, not a sender's.
        sender = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (loop is not null)
        {
            await loop;
        }
    }

    private sealed record Pending(QueuedLetter Letter, TaskCompletionSource<bool> Done);
}

/// <summary>A letter waiting for the writer, and the public actor it came from.</summary>
public sealed record QueuedLetter(PublicSubmission Submission, Actor By);
