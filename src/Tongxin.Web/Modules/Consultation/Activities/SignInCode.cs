using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tongxin.Modules.Consultation.Activities;

/// <summary>活动签到码 – the rotating code of an activity's on-screen QR:
/// <c>base32(HMAC-SHA256(secret, floor(unixSeconds / window)))[..8]</c>. A photo of the screen goes
/// stale after two windows, so only people in the room can sign in with it.</summary>
public static class SignInCode
{
    public const int Length = 8;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>A new secret for an activity: 32 random bytes, base64.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The number of the window <paramref name="now"/> falls in.</summary>
    public static long Window(DateTimeOffset now, int windowSeconds) => now.ToUnixTimeSeconds() / Math.Max(1, windowSeconds);

    /// <summary>The code of one window.</summary>
    public static string Compute(string secret, long window)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, window);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(Convert.FromBase64String(secret), message, mac);
        // 8 base32 characters carry 40 bits: the first five bytes of the MAC.
        ulong bits = 0;
        for (var i = 0; i < 5; i++)
        {
            bits = (bits << 8) | mac[i];
        }

        var code = new StringBuilder(Length);
        for (var i = Length - 1; i >= 0; i--)
        {
            code.Append(Alphabet[(int)((bits >> (i * 5)) & 31)]);
        }

        return code.ToString();
    }

    /// <summary>The code currently on the screen.</summary>
    public static string Current(string secret, DateTimeOffset now, int windowSeconds) => Compute(secret, Window(now, windowSeconds));

    /// <summary>How a scanned code compares with the current window.</summary>
    public enum Check
    {
        /// <summary>The current or the previous window (a code read just before it changed still works).</summary>
        Valid,

        /// <summary>A code of this activity from an older window (a photo, a forwarded link).</summary>
        Expired,

        /// <summary>Not a code of this activity at all.</summary>
        Wrong,
    }

    /// <summary>Checks <paramref name="code"/> against the current and previous window; on failure,
    /// against the older windows back to <paramref name="oldest"/> (at most a day), only to tell an
    /// expired code from a wrong one.</summary>
    public static Check Verify(string secret, string? code, DateTimeOffset now, int windowSeconds, DateTimeOffset oldest)
    {
        var given = (code ?? "").Trim().ToUpperInvariant();
        if (given.Length != Length)
        {
            return Check.Wrong;
        }

        var current = Window(now, windowSeconds);
        if (Matches(secret, given, current) || Matches(secret, given, current - 1))
        {
            return Check.Valid;
        }

        var first = Math.Max(Window(oldest, windowSeconds), current - (86_400 / Math.Max(1, windowSeconds)));
        for (var w = current - 2; w >= first; w--)
        {
            if (Matches(secret, given, w))
            {
                return Check.Expired;
            }
        }

        return Check.Wrong;
    }

    private static bool Matches(string secret, string given, long window) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, window)), Encoding.ASCII.GetBytes(given));
}
