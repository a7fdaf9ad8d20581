using System.Security.Cryptography;
using System.Text;

namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>回执码 – 10 random characters from an alphabet without look-alikes (no 0/O, 1/I/L),
/// unique per table (the unique index decides; a collision takes a new code); shown as "ABCDE-FGHJK", typed in any case with or
/// without the dash.</summary>
public static class ReceiptCodes
{
    public const int Length = 10;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, Length);

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
