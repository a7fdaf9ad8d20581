using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Platform;

/// <summary>A test-only event; its handlers leave a notification for <see cref="UserId"/> as their visible effect.</summary>
public sealed record OutboxProbeHappened(Guid UserId, string Label) : IDomainEvent;

/// <summary>A test-only event with one handler that succeeds and one that always fails.</summary>
public sealed record OutboxProbeFailing(Guid UserId, string Label) : IDomainEvent;

/// <summary>Completes when a handler has run, so a test can await background dispatch without sleeping.</summary>
public sealed class HandledProbe
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> handled = new();

    public Task WhenHandled(Guid userId) => Entry(userId).Task;

    public void Handled(Guid userId) => Entry(userId).TrySetResult();

    private TaskCompletionSource Entry(Guid userId) =>
        handled.GetOrAdd(userId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>Saves its effect itself: the save joins the dispatcher's transaction.</summary>
public sealed class RecordingHandler(TongxinDbContext db, HandledProbe probe) : IEventHandler<OutboxProbeHappened>, IEventHandler<OutboxProbeFailing>
{
    public async Task HandleAsync(OutboxProbeHappened e, EventContext ctx, CancellationToken ct)
    {
        db.Notifications.Add(new Notification { UserId = e.UserId, Title = e.Label, CreatedAt = ctx.OccurredAt });
        await db.SaveChangesAsync(ct);
        probe.Handled(e.UserId);
    }

    public Task HandleAsync(OutboxProbeFailing e, EventContext ctx, CancellationToken ct) =>
        HandleAsync(new OutboxProbeHappened(e.UserId, e.Label), ctx, ct);
}

public sealed class ThrowingHandler(TongxinDbContext db) : IEventHandler<OutboxProbeFailing>
{
    public async Task HandleAsync(OutboxProbeFailing e, EventContext ctx, CancellationToken ct)
    {
        db.Notifications.Add(new Notification { UserId = e.UserId, Title = "不应保存", CreatedAt = ctx.OccurredAt });
        await db.SaveChangesAsync(ct);
        throw new InvalidOperationException("下游服务不可用");
    }
}

public class OutboxTests
{
    private static readonly Dictionary<string, string?> ManualDispatch = new()
    {
        ["Tongxin:Events:RunDispatcher"] = "false",
        ["Tongxin:Events:MaxAttempts"] = "2",
    };

    private static Task<TestApp> AppWithProbeHandlersAsync(Db db, Dictionary<string, string?> settings) =>
        TestApp.CreateIsolatedAsync(db, settings: settings, services: s =>
        {
            s.AddSingleton<HandledProbe>();
            s.AddEventHandler<OutboxProbeHappened, RecordingHandler>();
            s.AddEventHandler<OutboxProbeFailing, RecordingHandler>();
            s.AddEventHandler<OutboxProbeFailing, ThrowingHandler>();
        });

    /// <summary>Adds a sector and raises the event in the same save, as a module handler would.</summary>
    private static async Task<Guid> SaveChangeWithEventAsync(TestApp app, Func<Guid, IDomainEvent> makeEvent)
    {
        var committee = await app.NewCommitteeAsync();
        var userId = Guid.NewGuid();
        await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            ctx.Sectors.Add(new Sector { CommitteeId = committee.Id, Name = "新界别", SortOrder = 3 });
            ctx.Raise(makeEvent(userId));
            await ctx.SaveChangesAsync();
        });
        return userId;
    }

    private static Task<int> EffectsAsync(TestApp app, Guid userId) =>
        app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Notifications.CountAsync(n => n.UserId == userId));

    private static Task<OutboxMessage> MessageAsync(TestApp app, string type) =>
        app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Type == type));

    [Theory, ClassData(typeof(Databases))]
    public async Task An_event_saved_before_a_crash_is_handled_exactly_once_by_the_next_dispatcher(Db db)
    {
        await using var app = await AppWithProbeHandlersAsync(db, ManualDispatch);
        var userId = await SaveChangeWithEventAsync(app, u => new OutboxProbeHappened(u, "崩溃前提交"));
        (await MessageAsync(app, nameof(OutboxProbeHappened))).DispatchedAt.ShouldBeNull("nothing dispatched before the crash");

        // The process that saved is gone; a fresh dispatcher knows nothing but the database.
        var afterRestart = ActivatorUtilities.CreateInstance<OutboxDispatcher>(app.Services);
        await afterRestart.DispatchPendingAsync(CancellationToken.None);
        await afterRestart.DispatchPendingAsync(CancellationToken.None);

        (await EffectsAsync(app, userId)).ShouldBe(1);
        var message = await MessageAsync(app, nameof(OutboxProbeHappened));
        message.DispatchedAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
        message.Attempts.ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_message_redelivered_after_its_handler_succeeded_does_not_repeat_the_handlers_work(Db db)
    {
        await using var app = await AppWithProbeHandlersAsync(db, ManualDispatch);
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var userId = await SaveChangeWithEventAsync(app, u => new OutboxProbeHappened(u, "只处理一次"));
        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        // The handler committed, but marking the message dispatched was lost.
        await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OutboxMessages
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, (DateTime?)null)));
        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        (await EffectsAsync(app, userId)).ShouldBe(1);
        var message = await MessageAsync(app, nameof(OutboxProbeHappened));
        message.DispatchedAt.ShouldNotBeNull();
        // Only this message's marks: the demo data's own events are delivered by the same dispatcher.
        var marks = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ProcessedEvents
            .Where(p => p.MessageId == message.Id).Select(p => p.Handler).ToListAsync());
        marks.ShouldBe([typeof(RecordingHandler).FullName!]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_failing_handler_keeps_the_message_for_retry_with_backoff_then_gives_up(Db db)
    {
        await using var app = await AppWithProbeHandlersAsync(db, ManualDispatch);
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var userId = await SaveChangeWithEventAsync(app, u => new OutboxProbeFailing(u, "部分成功"));

        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        var failed = await MessageAsync(app, nameof(OutboxProbeFailing));
        failed.DispatchedAt.ShouldBeNull();
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldNotBeNull().ShouldContain("ThrowingHandler");
        failed.LastError.ShouldContain("下游服务不可用");
        var titles = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Notifications.Where(n => n.UserId == userId).Select(n => n.Title).ToListAsync());
        titles.ShouldBe(["部分成功"], "the failing handler's own change is rolled back; the other handler's stays");

        (await dispatcher.DispatchPendingAsync(CancellationToken.None)).ShouldBe(0, "not retried before its backoff");
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        (await dispatcher.DispatchPendingAsync(CancellationToken.None)).ShouldBe(1);
        (await MessageAsync(app, nameof(OutboxProbeFailing))).Attempts.ShouldBe(2);
        (await EffectsAsync(app, userId)).ShouldBe(1, "the handler that succeeded is not run again");

        app.Clock.Advance(TimeSpan.FromHours(2));
        (await dispatcher.DispatchPendingAsync(CancellationToken.None)).ShouldBe(0, "after MaxAttempts the row stays for ops");
        var givenUp = await MessageAsync(app, nameof(OutboxProbeFailing));
        givenUp.Attempts.ShouldBe(2);
        givenUp.DispatchedAt.ShouldBeNull();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Unreadable_messages_are_kept_with_their_error_and_do_not_block_later_ones(Db db)
    {
        await using var app = await AppWithProbeHandlersAsync(db, ManualDispatch);
        await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            var earlier = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
            ctx.OutboxMessages.AddRange(
                new OutboxMessage { Type = "RemovedLongAgo", Payload = "{}", OccurredAt = earlier },
                new OutboxMessage { Type = nameof(OutboxProbeHappened), Payload = "{not json", OccurredAt = earlier });
            await ctx.SaveChangesAsync();
        });
        var userId = await SaveChangeWithEventAsync(app, u => new OutboxProbeHappened(u, "排在后面"));

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

        (await EffectsAsync(app, userId)).ShouldBe(1);
        var stuck = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OutboxMessages
            .Where(m => m.DispatchedAt == null).OrderBy(m => m.Type).Select(m => new { m.Type, m.Attempts, m.LastError }).ToListAsync());
        stuck.Count.ShouldBe(2);
        stuck.ShouldAllBe(m => m.Attempts == 1);
        stuck[0].LastError.ShouldNotBeNull().ShouldContain("事件内容无法解析");
        stuck[1].LastError.ShouldBe("未知的事件类型：RemovedLongAgo");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_running_dispatcher_handles_an_event_right_after_commit(Db db)
    {
        await using var app = await AppWithProbeHandlersAsync(db, new() { ["Tongxin:Events:RunDispatcher"] = "true" });

        // The poll never fires on the test clock: only the save's signal can wake the dispatcher.
        var userId = await SaveChangeWithEventAsync(app, u => new OutboxProbeHappened(u, "提交即处理"));
        await app.Services.GetRequiredService<HandledProbe>().WhenHandled(userId).WaitAsync(TimeSpan.FromSeconds(30));

        // Waits for the background pass to finish (passes never overlap) and finds nothing left to do.
        (await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None)).ShouldBe(0);
        (await EffectsAsync(app, userId)).ShouldBe(1);
        (await MessageAsync(app, nameof(OutboxProbeHappened))).DispatchedAt.ShouldNotBeNull();
    }

    private static class First
    {
        public sealed record Duplicate : IDomainEvent;
    }

    private static class Second
    {
        public sealed record Duplicate : IDomainEvent;
    }

    [Fact]
    public void Two_event_types_with_the_same_name_refuse_to_start()
    {
        var error = Should.Throw<InvalidOperationException>(() => new EventTypeRegistry([typeof(First.Duplicate), typeof(Second.Duplicate)]));
        error.Message.ShouldContain("事件类型名称重复");
    }

    [Fact]
    public void The_registry_knows_the_products_events_and_explicitly_registered_ones()
    {
        var registry = new EventTypeRegistry([new EventTypeRegistration(typeof(OutboxProbeHappened))]);

        registry.Find(nameof(NotificationCreated)).ShouldBe(typeof(NotificationCreated));
        registry.Find(nameof(OutboxProbeHappened)).ShouldBe(typeof(OutboxProbeHappened));
        registry.Find("NoSuchEvent").ShouldBeNull();
    }
}
