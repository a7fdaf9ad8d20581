using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>回执码 – 10 random characters from an alphabet without look-alikes (no 0/O, 1/I/L),
/// unique over letters and topic suggestions; shown as "ABCDE-FGHJK", typed in any case with or
/// without the dash.</summary>
public static class ReceiptCodes
{
    public const int Length = 10;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string NewCode()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>A new code not used by any submission or topic suggestion of any committee.</summary>
    public static async Task<string> NewUniqueAsync(TongxinDbContext db, CancellationToken ct = default)
    {
        // 31^10 ≈ 8·10^14 codes: a collision is astronomically rare, the check makes it impossible
        // (the unique indexes refuse the last race).
        while (true)
        {
            var code = NewCode();
            var used = await db.PublicSubmissions.IgnoreQueryFilters().AnyAsync(s => s.ReceiptCode == code, ct)
                || await db.TopicSuggestions.IgnoreQueryFilters().AnyAsync(s => s.ReceiptCode == code, ct);
            if (!used)
            {
                return code;
            }
        }
    }

    /// <summary>The stored form of what someone typed, or null when it cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return null;
        }

        var sb = new StringBuilder(Length);
        foreach (var c in input.Normalize(NormalizationForm.FormKC))
        {
            if (c is ' ' or '-' or '_')
            {
                continue;
            }

            var u = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(u, StringComparison.Ordinal))
            {
                return null;
            }

            sb.Append(u);
        }

        return sb.Length == Length ? sb.ToString() : null;
    }

    public static string Display(string code) => code.Length == Length ? $"{code[..5]}-{code[5..]}" : code;
}
