using System.Collections.Concurrent;
using System.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Platform.Events;

/// <summary>The "Tongxin:Events" configuration section.</summary>
public sealed class EventsOptions
{
    public const string Section = "Tongxin:Events";

    /// <summary>False leaves dispatch to explicit <see cref="OutboxDispatcher.DispatchPendingAsync"/>
    /// calls (tests); the product runs it in the background.</summary>
    public bool RunDispatcher { get; set; } = true;

    /// <summary>How often to look for messages when no save has signalled new ones (e.g. after a restart or a failure).</summary>
    public int PollSeconds { get; set; } = 5;

    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed attempts a message is left alone, undispatched, for ops to inspect.</summary>
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>发件箱分发 – delivers stored domain events to their handlers after commit: at start, when
/// a save signals new messages, and on a poll. Every handler runs in its own scope and
/// transaction with its <see cref="ProcessedEvent"/> mark; a message is dispatched when all its
/// handlers have succeeded, otherwise it is retried with growing delays, up to
/// <see cref="EventsOptions.MaxAttempts"/>.</summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    EventTypeRegistry registry,
    IEnumerable<EventHandlerRegistration> handlers,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<EventsOptions> options,
    ILogger<OutboxDispatcher> log) : BackgroundService
{
    private const int MaxErrorLength = 2000;
    private readonly ILookup<Type, EventHandlerRegistration> handlersByEvent = handlers.ToLookup(h => h.EventType);
    private readonly SemaphoreSlim gate = new(1, 1);

    // Backoff lives in memory: after a restart every failed message gets one early retry, which is harmless.
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> notBefore = new();

    private EventsOptions Options => options.Value;

    /// <summary>Dispatches every message that is due, batch by batch, and returns how many were
    /// attempted. Safe to call while the background loop runs: passes do not overlap.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var attempted = 0;
            var seen = new HashSet<Guid>();
            while (true)
            {
                var batch = await NextBatchAsync(seen, ct);
                if (batch.Count == 0)
                {
                    return attempted;
                }

                foreach (var message in batch)
                {
                    seen.Add(message.Id);
                    await DispatchAsync(message, ct);
                    attempted++;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Lifts every failed message's backoff so the next pass tries it again at once (an
    /// operator's "retry now"; tests use it because their clock never reaches a backoff's end).</summary>
    public void RetryFailedNow() => notBefore.Clear();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.RunDispatcher)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unreachable; the next pass tries again.
                log.LogError(ex, "Outbox dispatch pass failed");
            }

            using var poll = new CancellationTokenSource(TimeSpan.FromSeconds(Options.PollSeconds), time);
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, poll.Token);
            try
            {
                await signal.WaitAsync(wake.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The poll interval elapsed.
            }
        }
    }

    private async Task<List<OutboxMessage>> NextBatchAsync(HashSet<Guid> seen, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var (id, due) in notBefore)
        {
            if (due <= now)
            {
                notBefore.TryRemove(id, out _);
            }
        }

        // A message is attempted at most once per pass, and not before its backoff has passed.
        var skip = seen.Concat(notBefore.Keys).ToList();
        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.DispatchedAt == null && m.Attempts < Options.MaxAttempts && !skip.Contains(m.Id))
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Take(Options.BatchSize)
            .ToListAsync(ct);
    }

    private async Task DispatchAsync(OutboxMessage message, CancellationToken ct)
    {
        var errors = new List<string>();
        var (domainEvent, problem) = Read(message);
        if (domainEvent is null)
        {
            errors.Add(problem!);
        }
        else
        {
            var context = new EventContext(message.Id, message.OccurredAt, message.Attempts + 1);
            var done = await HandledByAsync(message.Id, ct);
            foreach (var handler in handlersByEvent[domainEvent.GetType()].Where(h => !done.Contains(h.Name)))
            {
                try
                {
                    await RunHandlerAsync(handler, domainEvent, context, ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    log.LogWarning(ex, "Event handler {Handler} failed on message {MessageId}", handler.Name, message.Id);
                    errors.Add($"{handler.HandlerType.Name}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        var stored = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id, ct);
        if (errors.Count == 0)
        {
            stored.DispatchedAt = time.GetUtcNow().UtcDateTime;
        }
        else
        {
            stored.Attempts++;
            var error = string.Join("\n", errors);
            stored.LastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
            notBefore[message.Id] = time.GetUtcNow() + Backoff(stored.Attempts);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A message that cannot be read fails like a handler would, so it cannot block the outbox.</summary>
    private (IDomainEvent? Event, string? Problem) Read(OutboxMessage message)
    {
        if (registry.Find(message.Type) is not { } eventType)
        {
            return (null, $"未知的事件类型：{message.Type}");
        }

        try
        {
            return JsonSerializer.Deserialize(message.Payload, eventType) is IDomainEvent e ? (e, null) : (null, "事件内容为空");
        }
        catch (JsonException ex)
        {
            return (null, $"事件内容无法解析：{ex.Message}");
        }
    }

    private async Task<HashSet<string>> HandledByAsync(Guid messageId, CancellationToken ct)
    {
        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        return [.. await db.ProcessedEvents.Where(p => p.MessageId == messageId).Select(p => p.Handler).ToListAsync(ct)];
    }

    private async Task RunHandlerAsync(EventHandlerRegistration handler, IDomainEvent domainEvent, EventContext context, CancellationToken ct)
    {
        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        // On SQLite this is BEGIN IMMEDIATE: the handler holds the write lock from its first read.
        // A deferred transaction that reads and then writes cannot upgrade once another connection
        // has committed in between; it waited out the busy timeout and failed (seen with the duty
        // ledger's refresh at start-up and with notification handlers in a busy test run).
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        await handler.Invoke(scope.ServiceProvider, domainEvent, context, ct);
        db.ProcessedEvents.Add(new ProcessedEvent
        {
            MessageId = context.MessageId,
            Handler = handler.Name,
            ProcessedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private AsyncServiceScope SystemScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        return scope;
    }

    /// <summary>30 s, 1 min, 2 min … capped at an hour.</summary>
    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
