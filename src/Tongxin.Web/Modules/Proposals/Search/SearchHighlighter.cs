using System.Text;
using System.Text.Encodings.Web;

namespace Tongxin.Modules.Proposals.Search;

/// <summary>命中高亮 – marks the searched words in a text: every match is wrapped in
/// <c>&lt;mark&gt;</c>, everything else HTML-encoded. The index matches a word as a run of
/// consecutive bigrams, which is the same as the word appearing literally, so a literal
/// (case-insensitive) search finds exactly what the index matched.</summary>
public static class SearchHighlighter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The words of a query: split on spaces and punctuation.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : [.. query.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];

    private static readonly char[] Separators =
        [' ', '\u3000', '\t', '\n', '\r', ',', '，', '、', '。', ';', '；', ':', '：', '"', '“', '”', '\'', '（', '）', '(', ')', '!', '！', '?', '？', '《', '》'];

    /// <summary>The whole text, encoded, with the words marked.</summary>
    public static string Highlight(string text, IReadOnlyList<string> words) => Render(text, Matches(text, words), 0, text.Length);

    /// <summary>A window of about <paramref name="length"/> characters around the first match
    /// (the start of the text when nothing matches), with "…" where it was cut.</summary>
    public static string Snippet(string text, IReadOnlyList<string> words, int length = 120)
    {
        var matches = Matches(text, words);
        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - (length / 4));
        var end = Math.Min(text.Length, start + length);
        start = Math.Max(0, Math.Min(start, end - length));
        var html = Render(text, matches, start, end);
        return (start > 0 ? "…" : "") + html + (end < text.Length ? "…" : "");
    }

    public static bool Contains(string text, IReadOnlyList<string> words) => Matches(text, words).Count > 0;

    private static List<(int Start, int End)> Matches(string text, IReadOnlyList<string> words)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (var word in words)
        {
            for (var i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.OrdinalIgnoreCase))
            {
                ranges.Add((i, i + word.Length));
            }
        }

        ranges.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }

    private static string Render(string text, List<(int Start, int End)> matches, int from, int to)
    {
        var html = new StringBuilder();
        var at = from;
        foreach (var (start, end) in matches)
        {
            var s = Math.Max(start, from);
            var e = Math.Min(end, to);
            if (e <= s)
            {
                continue;
            }

            html.Append(Encoder.Encode(text[at..s])).Append("<mark>").Append(Encoder.Encode(text[s..e])).Append("</mark>");
            at = e;
        }

        return html.Append(Encoder.Encode(text[at..to])).ToString();
    }
}
