using System.Reflection;

namespace Tongxin.Platform.Events;

/// <summary>What the dispatcher tells a handler about the message it is handling.</summary>
public sealed record EventContext(Guid MessageId, DateTime OccurredAt, int Attempt);

/// <summary>事件处理 – reacts to one kind of domain event after the change that raised it has
/// committed. It runs in its own DI scope as <c>Actor.System</c>; whatever it changes through
/// that scope's <c>TongxinDbContext</c> (saved or not) commits in one transaction with the mark
/// that it has handled the message, so a redelivered message never repeats its database work.
/// Effects outside the database (email) happen at least once.</summary>
public interface IEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent e, EventContext ctx, CancellationToken ct);
}

/// <summary>One subscription: which event type a handler class listens to and how to call it.</summary>
public sealed record EventHandlerRegistration(
    Type EventType,
    Type HandlerType,
    Func<IServiceProvider, IDomainEvent, EventContext, CancellationToken, Task> Invoke)
{
    /// <summary>The name stored in <see cref="ProcessedEvent.Handler"/>.</summary>
    public string Name => HandlerType.FullName ?? HandlerType.Name;
}

/// <summary>An event type from outside the product assembly (tests) that the registry must know.</summary>
public sealed record EventTypeRegistration(Type EventType);

/// <summary>Maps the <see cref="OutboxMessage.Type"/> stored in the outbox (the event's CLR type
/// name) back to the type. Built once at startup; two event types with the same name would make
/// stored messages ambiguous, so that refuses to start.</summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> types;

    public EventTypeRegistry(IEnumerable<EventTypeRegistration> extra)
        : this(ProductEventTypes().Concat(extra.Select(r => r.EventType)))
    {
    }

    internal EventTypeRegistry(IEnumerable<Type> eventTypes)
    {
        types = [];
        foreach (var type in eventTypes.Distinct())
        {
            if (!types.TryAdd(type.Name, type))
            {
                throw new InvalidOperationException(
                    $"事件类型名称重复：{types[type.Name].FullName} 与 {type.FullName} 都叫 {type.Name}，发件箱中的消息将无法区分。");
            }
        }
    }

    public Type? Find(string name) => types.GetValueOrDefault(name);

    public IReadOnlyCollection<Type> All => types.Values;

    private static IEnumerable<Type> ProductEventTypes() =>
        typeof(IDomainEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IDomainEvent).IsAssignableFrom(t)
                && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null);
}
