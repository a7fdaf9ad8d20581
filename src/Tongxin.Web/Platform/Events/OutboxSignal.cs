using System.Threading.Channels;

namespace Tongxin.Platform.Events;

/// <summary>A nudge from a save that wrote outbox rows to the dispatcher, so events are handled
/// right after commit instead of at the next poll. Many nudges before the dispatcher wakes count
/// as one; a lost nudge only delays dispatch until the poll.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken ct) => await channel.Reader.ReadAsync(ct);
}
