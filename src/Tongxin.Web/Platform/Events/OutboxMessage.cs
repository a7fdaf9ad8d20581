namespace Tongxin.Platform.Events;

/// <summary>A domain event stored in the same transaction as the change that raised it and
/// dispatched after commit (transactional outbox).</summary>
public class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public DateTime? DispatchedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Marks that one handler has handled one message, so redelivery does nothing twice.</summary>
public class ProcessedEvent
{
    public Guid MessageId { get; set; }
    public string Handler { get; set; } = "";
    public DateTime ProcessedAt { get; set; }
}
