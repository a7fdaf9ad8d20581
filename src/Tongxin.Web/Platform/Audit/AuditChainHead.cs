namespace Tongxin.Platform.Audit;

/// <summary>The single row that holds the end of the audit chain. Every append first updates this
/// row, which serialises appends on both PostgreSQL (row lock) and SQLite (write lock).</summary>
public class AuditChainHead
{
    public int Id { get; set; } = 1;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = "";
}
