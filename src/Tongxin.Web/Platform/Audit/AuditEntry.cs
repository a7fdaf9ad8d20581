namespace Tongxin.Platform.Audit;

/// <summary>One row of the append-only audit log (审计日志). Rows are hash-chained: each row's
/// <see cref="Hash"/> covers its own fields and the previous row's hash, so a changed or removed
/// row breaks the chain from there on.</summary>
public class AuditEntry
{
    /// <summary>Position in the chain, 1, 2, 3 … without gaps.</summary>
    public long Sequence { get; set; }
    public DateTime Time { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Role { get; set; } = "";
    public Guid? CommitteeId { get; set; }
    public string Action { get; set; } = "";
    public string TargetType { get; set; } = "";
    public string TargetId { get; set; } = "";
    /// <summary>成功 / 失败 / 拒绝, with a short reason.</summary>
    public string Result { get; set; } = "";
    /// <summary>What changed, e.g. the names of the modified fields (never their sensitive values).</summary>
    public string Details { get; set; } = "";
    public string Ip { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
