using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Tongxin.Modules.Proposals.Documents;

/// <summary>公文格式 – the page, fonts and paragraph kinds of GB/T 9704-2012 (DOMAIN.md §10), in the
/// units Word uses: twips (1/20 pt, 1/1440 inch) for lengths, half-points for font sizes.</summary>
public static class GbtLayout
{
    /// <summary>A4, 210 mm × 297 mm.</summary>
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;

    /// <summary>天头 37 mm, 订口 28 mm; bottom 35 mm and right 26 mm leave the 156 mm × 225 mm 版心.</summary>
    public const int MarginTop = 2098;
    public const int MarginBottom = 1984;
    public const int MarginLeft = 1587;
    public const int MarginRight = 1474;

    /// <summary>The page number's 一字线 sits 7 mm under the 版心: 35 − 7 mm to its top, less the
    /// height of a 4号 line, leaves about 23 mm from the page edge to the footer's bottom.</summary>
    public const int FooterDistance = 1304;

    public const int HeaderDistance = 851;

    /// <summary>22 lines on the 225 mm 版心: 12 756 / 22 = 579.8, rounded down so that the 22nd line fits.</summary>
    public const int LinesPerPage = 22;

    public const int LinePitch = (PageHeight - MarginTop - MarginBottom) / LinesPerPage;

    /// <summary>28 characters on the 156 mm line.</summary>
    public const int CharsPerLine = 28;

    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>3号 = 16 pt, the body size.</summary>
    public const int BodySize = 32;

    /// <summary>2号 = 22 pt, the title size.</summary>
    public const int TitleSize = 44;

    /// <summary>4号 = 14 pt: page numbers and table text.</summary>
    public const int SmallSize = 28;

    /// <summary>初号 = 42 pt, the compilation's cover title.</summary>
    public const int CoverSize = 84;

    /// <summary>One body character (16 pt) in twips: indents are counted in characters.</summary>
    public const int BodyChar = BodySize * 10;

    /// <summary>The grid's character pitch differs from the 16 pt font by this much, in 1/4096 pt
    /// (Word's unit): 8 845 twips / 28 = 15.79 pt per character.</summary>
    public static readonly int CharSpace =
        (int)Math.Round((TextWidth / 20.0 / CharsPerLine - BodySize / 2.0) * 4096);

    /// <summary>仿宋 – the body font (FangSong on Windows).</summary>
    public const string FangSong = "仿宋";

    /// <summary>方正小标宋简体 – the title font.</summary>
    public const string XiaoBiaoSong = "方正小标宋简体";

    /// <summary>黑体 – first-level headings (一、).</summary>
    public const string HeiTi = "黑体";

    /// <summary>楷体 – second-level headings and the proposers line.</summary>
    public const string KaiTi = "楷体";

    /// <summary>宋体 – page numbers (4号半角宋体阿拉伯数字).</summary>
    public const string SongTi = "宋体";

    /// <summary>Latin letters and digits.</summary>
    public const string Latin = "Times New Roman";

    /// <summary>The Linux fallback for the serif faces (Debian fonts-noto-cjk).</summary>
    public const string LinuxSerif = "Noto Serif CJK SC";

    /// <summary>The Linux fallback for 黑体.</summary>
    public const string LinuxSans = "Noto Sans CJK SC";

    /// <summary>The fonts the documents name, each with the font table's alternate (ECMA-376
    /// 17.8.3.1 w:altName: the face to use when the named one is missing), the GB2312 character set
    /// and a PANOSE class, so that a viewer without the Windows fonts still draws Chinese.</summary>
    public static readonly IReadOnlyList<(string Name, string AltName, string Panose, bool Serif)> Fonts =
    [
        (FangSong, LinuxSerif, "02010609060101010101", true),
        (XiaoBiaoSong, LinuxSerif, "02000000000000000000", true),
        (HeiTi, LinuxSans, "02010609060101010101", false),
        (KaiTi, LinuxSerif, "02010609060101010101", true),
        (SongTi, LinuxSerif, "02010600030101010101", true),
    ];

    /// <summary>Paragraph style ids of the documents' styles part.</summary>
    public static class StyleIds
    {
        public const string Body = "TxBody";
        public const string Title = "TxTitle";
        public const string Heading1 = "TxHeading1";
        public const string Heading2 = "TxHeading2";
        public const string Plain = "TxPlain";
        public const string Table = "TxTable";
        public const string Footer = "TxFooter";
        public const string Toc = "TxToc";
    }

    /// <summary>"2026年3月2日": GB/T 9704-2012 writes dates in Arabic numerals without leading zeros.</summary>
    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>"九届二次会议". Sessions are named that way by convention; a session named only
    /// "第二次会议" gets the term's name in front so the title still says which term.</summary>
    public static string SessionTitle(string termName, string sessionName)
    {
        if (sessionName.Contains('届'))
        {
            return sessionName;
        }

        return termName.TrimStart('第') + sessionName.TrimStart('第');
    }

    /// <summary>A paragraph of one style; <paramref name="text"/> may be empty (a blank line).</summary>
    public static Paragraph Paragraph(string style, string text, Action<ParagraphProperties>? adjust = null)
    {
        var properties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } };
        adjust?.Invoke(properties);
        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.Append(Run(text));
        }

        return paragraph;
    }

    /// <summary>A run of text in the paragraph's font, Chinese punctuation taken from the East-Asian font.</summary>
    public static Run Run(string text, RunProperties? properties = null)
    {
        var run = new Run();
        if (properties is not null)
        {
            run.Append(properties);
        }

        run.Append(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>Run properties for a run in another font or size than its paragraph.</summary>
    public static RunProperties Font(string eastAsia, int? size = null, bool bold = false)
    {
        var properties = new RunProperties
        {
            RunFonts = new RunFonts { Ascii = Latin, HighAnsi = Latin, EastAsia = eastAsia, Hint = FontTypeHintValues.EastAsia },
        };
        if (bold)
        {
            properties.Bold = new Bold();
        }

        if (size is { } s)
        {
            properties.FontSize = new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) };
            properties.FontSizeComplexScript = new FontSizeComplexScript { Val = s.ToString(CultureInfo.InvariantCulture) };
        }

        return properties;
    }

    /// <summary>The paragraphs of a text a person typed: one per line, without the blank lines and the
    /// leading spaces they used to indent (the style indents two characters).</summary>
    public static IEnumerable<Paragraph> TextParagraphs(string? text, string style = StyleIds.Body)
    {
        foreach (var line in (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                yield return Paragraph(style, trimmed);
            }
        }
    }

    /// <summary>Removes characters XML cannot carry (control characters pasted from other programs), so
    /// that no text a user typed can break the document.</summary>
    public static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = XmlConvert.IsXmlChar(c) || (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c));
            if (ok && char.IsHighSurrogate(c))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (ok)
            {
                clean?.Append(c);
            }
            else
            {
                clean ??= new StringBuilder(text, 0, i, text.Length);
            }
        }

        return clean?.ToString() ?? text;
    }

    /// <summary>A bordered table with the given column widths (twips, summing to the 版心 width).</summary>
    public static Table Table(params int[] widths)
    {
        var table = new Table(new TableProperties
        {
            TableWidth = new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            TableJustification = new TableJustification { Val = TableRowAlignmentValues.Center },
            TableBorders = new TableBorders
            {
                TopBorder = Border<TopBorder>(),
                LeftBorder = Border<LeftBorder>(),
                BottomBorder = Border<BottomBorder>(),
                RightBorder = Border<RightBorder>(),
                InsideHorizontalBorder = Border<InsideHorizontalBorder>(),
                InsideVerticalBorder = Border<InsideVerticalBorder>(),
            },
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableCellMarginDefault = new TableCellMarginDefault
            {
                TopMargin = new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                TableCellLeftMargin = new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
                BottomMargin = new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                TableCellRightMargin = new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa },
            },
        });
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        return table;
    }

    /// <summary>One cell of <see cref="Row"/>: its text (lines split at line breaks), width in twips, grid
    /// columns spanned, and whether it is a label (黑体, centred).</summary>
    public sealed record Cell(string Text, int Width, int Span = 1, bool Label = false);

    /// <summary>One table row in 4号仿宋 (labels in 黑体); a row is never split across pages.</summary>
    public static TableRow Row(params Cell[] cells)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        foreach (var c in cells)
        {
            var properties = new TableCellProperties
            {
                TableCellWidth = new TableCellWidth { Width = c.Width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center },
            };
            if (c.Span > 1)
            {
                properties.GridSpan = new GridSpan { Val = c.Span };
            }

            var cell = new TableCell(properties);
            var lines = c.Text.Replace("\r\n", "\n").Split('\n');
            foreach (var line in lines)
            {
                var paragraph = Paragraph(StyleIds.Table, "", p =>
                {
                    if (c.Label)
                    {
                        p.Justification = new Justification { Val = JustificationValues.Center };
                    }
                });
                if (line.Length > 0)
                {
                    paragraph.Append(Run(line, c.Label ? Font(HeiTi) : null));
                }

                cell.Append(paragraph);
            }

            row.Append(cell);
        }

        return row;
    }

    private static T Border<T>()
        where T : BorderType, new() =>
        new() { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" };
}
