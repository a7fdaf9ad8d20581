namespace Tongxin.Platform.Documents.Pdf;

/// <summary>字体 – the two fonts every document uses and how wide their characters are.</summary>
/// <remarks>
/// Chinese is set in <c>STSong-Light</c> (华文宋体), one of the standard Adobe-GB1 CID fonts, addressed
/// with the <c>UniGB-UCS2-H</c> CMap and not embedded: a code is the character's UCS-2 value, and the
/// viewer draws it with its own Chinese font (Acrobat's Asian font pack, poppler through fontconfig
/// and poppler-data – Debian fonts-noto-cjk –, Chromium's PDFium, pdf.js, macOS Preview). Embedding
/// a subset would need a CFF/TrueType subsetter and a font file we may ship; the non-embedded font
/// keeps a bulletin at a few kilobytes and is what official CJK PDF tooling has long done. A
/// <c>ToUnicode</c> map makes the text extractable and searchable in every reader regardless.
/// Latin letters, digits and ASCII punctuation are set in Helvetica (one of the 14 standard fonts)
/// with its metrics declared, so they take their natural width instead of a full CJK cell.
/// Bold is drawn by also stroking the glyph outlines (no bold variant of the CID font is standard),
/// which keeps the widths – and so the line breaking – the same as the regular weight.
/// </remarks>
internal static class PdfFonts
{
    public const string CjkResource = "F1";
    public const string LatinResource = "F2";

    /// <summary>Helvetica advance widths (1/1000 em) of the WinAnsi codes 32–126.</summary>
    public static readonly int[] LatinWidths =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p … ~
    ];

    /// <summary>Characters set in the Latin font: printable ASCII.</summary>
    public static bool IsLatin(char c) => c is >= ' ' and <= '~';

    /// <summary>The advance of <paramref name="c"/> in ems: Latin from Helvetica's metrics, everything
    /// else a full CJK cell (the CID font's default width).</summary>
    public static double Width(char c) => IsLatin(c) ? LatinWidths[c - ' '] / 1000.0 : 1.0;

    public static double Width(string text)
    {
        var w = 0.0;
        foreach (var c in text)
        {
            w += Width(c);
        }

        return w;
    }

    /// <summary>Text as the fonts can show it: line breaks become '\n', tabs spaces, other control
    /// characters vanish, and characters outside UCS-2 (emoji, rare ideographs in the supplementary
    /// planes – the CMap cannot address them) become □.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                sb.Append('\n');
            }
            else if (c == '\n')
            {
                sb.Append('\n');
            }
            else if (c == '\t')
            {
                sb.Append(' ');
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }

                sb.Append('□');
            }
            else if (char.IsLowSurrogate(c) || char.IsControl(c) || c is '\uFEFF' or '\uFFFE' or '\uFFFF')
            {
                // a lone surrogate, C0/C1 controls and byte-order marks have nothing to show
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
