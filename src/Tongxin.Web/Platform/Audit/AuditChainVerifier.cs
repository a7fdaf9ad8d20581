using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;

namespace Tongxin.Platform.Audit;

/// <summary>What broke the audit chain at a row.</summary>
public enum AuditChainProblem
{
    /// <summary>The row's fields no longer give its stored hash: it was changed.</summary>
    HashMismatch = 1,
    /// <summary>A sequence number is missing: a row was deleted.</summary>
    Gap = 2,
    /// <summary>The row does not point at the previous row's hash: a row before it was replaced
    /// together with its hash, or rows were re-ordered.</summary>
    PreviousHashMismatch = 3,
    /// <summary>The last row does not match the chain head: the end of the log was cut off or rewritten.</summary>
    HeadMismatch = 4,
}

/// <summary>The result of 审计日志完整性校验.</summary>
public sealed record AuditChainReport(long Count, long? BrokenSequence, AuditChainProblem? Problem, string Message)
{
    public bool Intact => Problem is null;
}

/// <summary>Verifies the hash chain of the audit log (审计日志完整性校验): streams every row in
/// sequence order in batches, recomputes each hash from the row and its predecessor's hash, and
/// checks that no sequence number is missing and that the last row is the chain head. Reports the
/// first broken row. Memory stays flat however long the log is.</summary>
public sealed class AuditChainVerifier(TongxinDbContext db)
{
    public const int BatchSize = 2000;

    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct = default)
    {
        // The head and its rows commit together, so every row up to the head read now is visible;
        // rows appended while we verify are left for the next run.
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        var expected = 1L;
        var previousHash = "";
        while (expected <= head.LastSequence)
        {
            var from = expected;
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence >= from && a.Sequence <= head.LastSequence)
                .OrderBy(a => a.Sequence)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                var missing = expected == head.LastSequence ? $"第 {expected} 条" : $"第 {expected} 条至第 {head.LastSequence} 条";
                return Broken(expected - 1, expected, AuditChainProblem.Gap,
                    $"{missing}记录缺失（链头记录到第 {head.LastSequence} 条，日志末尾被删除）。");
            }

            foreach (var row in batch)
            {
                if (row.Sequence != expected)
                {
                    return Broken(expected - 1, expected, AuditChainProblem.Gap,
                        expected == row.Sequence - 1
                            ? $"第 {expected} 条记录缺失（序号不连续）。"
                            : $"第 {expected} 条至第 {row.Sequence - 1} 条记录缺失（序号不连续）。");
                }

                if (row.PreviousHash != previousHash)
                {
                    return Broken(expected - 1, row.Sequence, AuditChainProblem.PreviousHashMismatch,
                        $"第 {row.Sequence} 条记录的前序哈希与第 {row.Sequence - 1} 条记录不符（前面的记录被替换）。");
                }

                if (AuditHasher.Compute(row) != row.Hash)
                {
                    return Broken(expected - 1, row.Sequence, AuditChainProblem.HashMismatch,
                        $"第 {row.Sequence} 条记录的内容与其哈希不符（记录被修改）。");
                }

                previousHash = row.Hash;
                expected++;
            }
        }

        if (previousHash != head.LastHash)
        {
            return Broken(head.LastSequence, head.LastSequence, AuditChainProblem.HeadMismatch,
                $"第 {head.LastSequence} 条记录与链头不符（日志末尾被改写）。");
        }

        var beyond = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > head.LastSequence).OrderBy(a => a.Sequence)
            .Select(a => (long?)a.Sequence).FirstOrDefaultAsync(ct);
        if (beyond is not null && await db.Set<AuditChainHead>().AsNoTracking().Where(h => h.Id == 1).Select(h => h.LastSequence).SingleAsync(ct) < beyond)
        {
            return Broken(head.LastSequence, beyond, AuditChainProblem.HeadMismatch,
                $"第 {beyond} 条记录不在哈希链内（绕过链头写入）。");
        }

        return new AuditChainReport(head.LastSequence, null, null,
            $"审计日志完整：共 {head.LastSequence} 条记录，哈希链校验通过。");
    }

    private static AuditChainReport Broken(long verified, long? sequence, AuditChainProblem problem, string message) =>
        new(verified, sequence, problem, "审计日志被篡改：" + message);
}
