using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tongxin.Platform.Audit;

/// <summary>Computes a row's chain hash: SHA-256 over the previous hash and every field.</summary>
public static class AuditHasher
{
    public static string Compute(AuditEntry e)
    {
        var text = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.Time.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            e.UserId?.ToString() ?? "",
            e.UserName,
            e.Role,
            e.CommitteeId?.ToString() ?? "",
            e.Action,
            e.TargetType,
            e.TargetId,
            e.Result,
            e.Details,
            e.Ip,
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Both databases keep microseconds; hashing a finer value would not verify after a round trip.</summary>
    public static DateTime TruncateToMicroseconds(DateTime t) =>
        new(t.Ticks - (t.Ticks % 10), DateTimeKind.Utc);
}
