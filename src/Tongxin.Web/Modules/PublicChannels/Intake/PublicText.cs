using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>Normalisation of what the public types, at the edge: control characters and
/// direction overrides removed, unpaired surrogates dropped (PostgreSQL refuses them), trimmed.
/// Emoji and every other printable character stay.</summary>
public static partial class PublicText
{
    /// <summary>Cleans a single-line field: line breaks become spaces. Null or blank gives "".</summary>
    public static string Line(string? text) => Clean(text, multiline: false);

    /// <summary>Cleans a text area: line breaks are kept (as \n), other control characters removed.</summary>
    public static string Block(string? text) => Clean(text, multiline: true);

    private static string Clean(string? text, bool multiline)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }

                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                sb.Append(multiline ? '\n' : ' ');
                continue;
            }

            if (c == '\t')
            {
                sb.Append(' ');
                continue;
            }

            if (char.IsControl(c) || IsDirectionOverride(c))
            {
                continue;
            }

            sb.Append(c);
        }

        var result = sb.ToString().Trim();
        // More than two blank lines in a row carry nothing but make a letter long to scroll.
        return multiline ? ExcessBlankLines().Replace(result, "\n\n") : result;
    }

    // Bidi embeddings/overrides and isolates can make a text display differently from what it
    // says; zero-width joiners stay (emoji sequences need them).
    private static bool IsDirectionOverride(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\uFEFF';

    /// <summary>Length as a reader counts it: one per user-perceived character (an emoji is one).</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>Adds "不能为空" / "不能超过N个字" errors for a cleaned value.</summary>
    public static Validation Text(this Validation v, string value, int max, string field, string label, bool required = true)
    {
        if (required)
        {
            v.NotBlank(value, field, label);
        }

        // The column limit counts UTF-16 units on SQLite, code points on PostgreSQL: an emoji is
        // two units, so the stored length is checked as well as the readable one.
        return v.Require(Length(value) <= max && value.Length <= max * 2, field, $"{label}不能超过{max}个字。");
    }

    [GeneratedRegex("\n{3,}")]
    private static partial Regex ExcessBlankLines();
}

/// <summary>联系电话: a mainland mobile (11 digits, 1[3-9]…) or landline (area code 0xx/0xxx and 7–8
/// digits); stored normalised, shown masked to everyone but the permitted handler.</summary>
public static partial class PublicPhone
{
    public const string Invalid = "请填写正确的手机号码（11位）或固定电话（区号-号码）。";

    /// <summary>The normalised phone ("13812345678", "0571-87654321"), null when none was given, or
    /// false in <paramref name="ok"/> when the text is not a phone number.</summary>
    public static string? Normalize(string? input, out bool ok)
    {
        ok = true;
        var text = PublicText.Line(input);
        if (text.Length == 0)
        {
            return null;
        }

        // Full-width digits and separators typed on a Chinese keyboard count as the ASCII ones.
        var compact = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (c is ' ' or '-' or '(' or ')')
            {
                if (c is '-' or ')')
                {
                    compact.Append('-');
                }

                continue;
            }

            compact.Append(c);
        }

        var s = compact.ToString().Trim('-');
        if (s.StartsWith("+86", StringComparison.Ordinal))
        {
            s = s[3..].TrimStart('-');
        }

        if (Mobile().IsMatch(s))
        {
            return s;
        }

        var landline = Landline().Match(s);
        if (landline.Success)
        {
            return $"{landline.Groups[1].Value}-{landline.Groups[2].Value}";
        }

        ok = false;
        return null;
    }

    /// <summary>138****5678 for a mobile (as for members), 0571-****4321 for a landline.</summary>
    public static string Mask(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }

        var dash = phone.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && phone.Length - dash > 4
            ? string.Concat(phone.AsSpan(0, dash + 1), "****", phone.AsSpan(phone.Length - 4))
            : MemberRules.MaskMobile(phone);
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex("^(0[1-9][0-9]{1,2})-?([2-9][0-9]{6,7})$")]
    private static partial Regex Landline();
}
