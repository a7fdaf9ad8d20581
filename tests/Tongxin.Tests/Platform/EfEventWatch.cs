using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Tongxin.Tests.Platform;

/// <summary>Records what EF does for one context: the names of its diagnostic events and the SQL of
/// its commands. EF's diagnostic listener is process-wide; other tests' contexts are ignored.</summary>
internal sealed class EfEventWatch : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly DbContext context;
    private readonly IDisposable all;
    private readonly List<IDisposable> listeners = [];
    private readonly List<string> events = [];
    private readonly List<string> commands = [];

    public EfEventWatch(DbContext context)
    {
        this.context = context;
        all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count(EventId id)
    {
        lock (events)
        {
            return events.Count(e => e == id.Name);
        }
    }

    /// <summary>The SQL of every command the context ran.</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (events)
            {
                return [.. commands];
            }
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (listeners)
            {
                listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is not DbContextEventData data || !ReferenceEquals(data.Context, context))
        {
            return;
        }

        lock (events)
        {
            events.Add(value.Key);
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData command)
            {
                commands.Add(command.Command.CommandText);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        all.Dispose();
        lock (listeners)
        {
            listeners.ForEach(l => l.Dispose());
        }
    }
}
