namespace Tongxin.Platform.Data;

/// <summary>Base of every stored record: a time-ordered id and an optimistic-concurrency version.</summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Incremented on every save; a stale version makes the save fail so that of two
    /// concurrent edits one wins and the other is told.</summary>
    public int Version { get; set; }
}

/// <summary>A record that belongs to one committee (政协组织): the unit of tenancy.</summary>
public interface ICommitteeOwned
{
    Guid CommitteeId { get; }
}

public abstract class CommitteeEntity : Entity, ICommitteeOwned
{
    public Guid CommitteeId { get; set; }
}
