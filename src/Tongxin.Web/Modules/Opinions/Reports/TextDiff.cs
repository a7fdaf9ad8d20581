using System.Text;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>One run of a diff: unchanged, inserted by the editor, or deleted from the author's text.</summary>
public enum DiffKind
{
    Equal,
    Insert,
    Delete,
}

public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>A character-level diff (Myers' O(ND) algorithm), since Chinese has no spaces to split
/// words on: an editor's change of one character shows as one character. Works on Unicode code
/// points so that an emoji or a rare character is never cut in half.</summary>
public static class TextDiff
{
    /// <summary>Beyond this many edits the texts are essentially rewritten; a character-by-character
    /// listing would only be noise and would cost memory quadratic in the edits, so the whole
    /// middle shows as deleted and inserted instead.</summary>
    public const int MaxEdits = 1000;

    public static IReadOnlyList<DiffSegment> Compute(string oldText, string newText)
    {
        var a = Runes(oldText);
        var b = Runes(newText);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var ops = new List<(DiffKind Kind, int Rune)>();
        var midA = a[prefix..(a.Length - suffix)];
        var midB = b[prefix..(b.Length - suffix)];
        foreach (var r in a[..prefix])
        {
            ops.Add((DiffKind.Equal, r));
        }

        ops.AddRange(Middle(midA, midB));
        foreach (var r in a[(a.Length - suffix)..])
        {
            ops.Add((DiffKind.Equal, r));
        }

        return Merge(ops);
    }

    /// <summary>The diff as HTML: insertions in &lt;ins&gt;, deletions in &lt;del&gt;, every piece of
    /// text HTML-escaped, since it is what a member or an editor typed.</summary>
    public static string ToHtml(IEnumerable<DiffSegment> segments)
    {
        var html = new StringBuilder();
        foreach (var s in segments)
        {
            var text = System.Net.WebUtility.HtmlEncode(s.Text);
            html.Append(s.Kind switch
            {
                DiffKind.Insert => $"<ins class=\"diff-ins\">{text}</ins>",
                DiffKind.Delete => $"<del class=\"diff-del\">{text}</del>",
                _ => text,
            });
        }

        return html.ToString();
    }

    private static int[] Runes(string text) => [.. (text ?? "").EnumerateRunes().Select(r => r.Value)];

    /// <summary>Myers: for each number of edits d, the furthest point reached on every diagonal k;
    /// the snapshots of those points let the path be traced back.</summary>
    private static List<(DiffKind, int)> Middle(int[] a, int[] b)
    {
        int n = a.Length, m = b.Length;
        if (n == 0 || m == 0)
        {
            return Replace(a, b);
        }

        var max = Math.Min(n + m, MaxEdits);
        var offset = max + 1;
        var v = new int[2 * max + 3];
        // trace[d] keeps only diagonals -d-1 … d+1 of the state before step d: enough to trace back.
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add(v[(offset - d - 1)..(offset + d + 2)]);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, a, b, d);
                }
            }
        }

        return Replace(a, b);
    }

    private static List<(DiffKind, int)> Backtrack(List<int[]> trace, int[] a, int[] b, int dEnd)
    {
        var ops = new List<(DiffKind, int)>();
        int x = a.Length, y = b.Length;
        for (var d = dEnd; d > 0; d--)
        {
            var v = trace[d];
            var offset = d + 1;
            var k = x - y;
            var prevK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
            var prevX = v[offset + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
            {
                ops.Add((DiffKind.Equal, a[--x]));
                y--;
            }

            if (x == prevX)
            {
                ops.Add((DiffKind.Insert, b[--y]));
            }
            else
            {
                ops.Add((DiffKind.Delete, a[--x]));
            }
        }

        while (x > 0 && y > 0)
        {
            ops.Add((DiffKind.Equal, a[--x]));
            y--;
        }

        ops.Reverse();
        return ops;
    }

    private static List<(DiffKind, int)> Replace(int[] a, int[] b) =>
        [.. a.Select(r => (DiffKind.Delete, r)), .. b.Select(r => (DiffKind.Insert, r))];

    /// <summary>Joins neighbouring code points of the same kind into one segment.</summary>
    private static List<DiffSegment> Merge(List<(DiffKind Kind, int Rune)> ops)
    {
        var result = new List<DiffSegment>();
        var text = new StringBuilder();
        DiffKind? current = null;
        foreach (var (kind, rune) in ops)
        {
            if (current != kind && current is { } done)
            {
                result.Add(new DiffSegment(done, text.ToString()));
                text.Clear();
            }

            current = kind;
            text.Append(new Rune(rune).ToString());
        }

        if (current is { } last)
        {
            result.Add(new DiffSegment(last, text.ToString()));
        }

        return result;
    }
}
