namespace Tongxin.Platform.Events;

public static class EventsModule
{
    /// <summary>The outbox dispatcher, its signal and the event type registry.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EventsOptions>(configuration.GetSection(EventsOptions.Section));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<EventTypeRegistry>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    /// <summary>Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/> and makes
    /// the event type known to the registry even when it lives outside the product assembly.</summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where THandler : class, IEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new EventTypeRegistration(typeof(TEvent)));
        services.AddSingleton(new EventHandlerRegistration(
            typeof(TEvent),
            typeof(THandler),
            (sp, e, ctx, ct) => sp.GetRequiredService<THandler>().HandleAsync((TEvent)e, ctx, ct)));
        return services;
    }
}
