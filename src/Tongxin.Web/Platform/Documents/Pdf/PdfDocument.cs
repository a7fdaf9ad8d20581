using System.Globalization;
using System.Text;

namespace Tongxin.Platform.Documents.Pdf;

/// <summary>Where a line sits between the margins.</summary>
public enum PdfAlign
{
    Left,
    Center,
    Right,
    /// <summary>Wrapped lines stretch to both margins (as Chinese body text is set); the last line is left-aligned.</summary>
    Justify,
}

/// <summary>How a paragraph is set: size in points, bold, alignment, first-line indent in characters
/// (2 for Chinese body text), line height as a multiple of the size, space before and after in points.</summary>
public sealed record PdfTextStyle(
    double Size = 12,
    bool Bold = false,
    PdfAlign Align = PdfAlign.Left,
    double FirstLineIndentChars = 0,
    double LineHeight = 1.5,
    double SpaceBefore = 0,
    double SpaceAfter = 0);

/// <summary>Page size and margins in points (1/72 inch); <see cref="Mm"/> converts.</summary>
public sealed record PdfPageSetup(double Width, double Height, double MarginTop, double MarginBottom, double MarginLeft, double MarginRight)
{
    /// <summary>A4 with the GB/T 9704 版心: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right.</summary>
    public static PdfPageSetup A4 { get; } = new(Mm(210), Mm(297), Mm(37), Mm(35), Mm(28), Mm(26));

    public double ContentWidth => Width - MarginLeft - MarginRight;

    public double ContentHeight => Height - MarginTop - MarginBottom;

    public static double Mm(double mm) => mm * 72 / 25.4;
}

/// <summary>PDF 文档 – a small PDF writer of our own: A4 pages, wrapped Chinese and Latin text,
/// centred and bold lines, page numbers and PNG/JPEG images, laid out top to bottom.</summary>
/// <remarks>
/// PDFsharp, the usual choice, is AGPL in the version our mirror has, so the platform writes PDF 1.7
/// itself: a few objects, compressed content streams and a cross-reference table. Fonts and their
/// trade-offs are described on <see cref="PdfFonts"/>. Lines break between any two Chinese
/// characters and at spaces in Latin text, never before closing punctuation (，。、）》…) nor after
/// opening punctuation (（《“…); a Latin word longer than the line is cut.
/// </remarks>
public sealed class PdfDocument
{
    private readonly List<Page> pages = [];
    private readonly List<PdfImage> images = [];
    private double y;

    public PdfDocument(PdfPageSetup? setup = null)
    {
        Setup = setup ?? PdfPageSetup.A4;
        NewPage();
    }

    public PdfPageSetup Setup { get; }

    /// <summary>The document title in the file's properties.</summary>
    public string? Title { get; set; }

    /// <summary>When set, the creation date in the file's properties (callers pass their clock's time).</summary>
    public DateTimeOffset? Created { get; set; }

    /// <summary>Page numbers "— 1 —" centred under the text, or none.</summary>
    public bool PageNumbers { get; set; } = true;

    public int PageCount => pages.Count;

    /// <summary>Adds text; each line of <paramref name="text"/> is a paragraph of its own, wrapped to the margins.</summary>
    public PdfDocument Paragraph(string? text, PdfTextStyle? style = null)
    {
        style ??= new PdfTextStyle();
        var size = style.Size;
        var lineHeight = size * style.LineHeight;
        foreach (var paragraph in PdfFonts.Clean(text).Split('\n'))
        {
            Space(style.SpaceBefore);
            var indent = style.FirstLineIndentChars * size;
            var lines = Wrap(paragraph, Setup.ContentWidth / size, style.FirstLineIndentChars);
            for (var n = 0; n < lines.Count; n++)
            {
                if (y - lineHeight < Setup.MarginBottom - 0.01)
                {
                    NewPage();
                }

                var line = lines[n];
                var lineIndent = n == 0 ? indent : 0;
                var width = PdfFonts.Width(line) * size;
                var room = Setup.ContentWidth - lineIndent;
                var x = Setup.MarginLeft + lineIndent + style.Align switch
                {
                    PdfAlign.Center => Math.Max(0, (room - width) / 2),
                    PdfAlign.Right => Math.Max(0, room - width),
                    _ => 0,
                };
                var spacing = 0.0;
                var isLast = n == lines.Count - 1;
                if (style.Align == PdfAlign.Justify && !isLast && line.Length > 1)
                {
                    spacing = (room - width) / (line.Length - 1);
                    // A line cut short before a long Latin word is left ragged rather than spread thin.
                    if (spacing < 0 || spacing > size * 0.5)
                    {
                        spacing = 0;
                    }
                }

                // The baseline sits so that the glyphs (ascent about 0.88 em) are centred in the line.
                var baseline = y - (lineHeight / 2) - (size * 0.34);
                pages[^1].Lines.Add(new TextLine(x, baseline, size, style.Bold, spacing, line));
                y -= lineHeight;
            }

            Space(style.SpaceAfter);
        }

        return this;
    }

    /// <summary>Vertical space; at the bottom of a page it is not carried over to the next.</summary>
    public PdfDocument Space(double points)
    {
        y = Math.Max(Setup.MarginBottom, y - points);
        return this;
    }

    /// <summary>Starts a new page.</summary>
    public PdfDocument PageBreak()
    {
        NewPage();
        return this;
    }

    /// <summary>Adds a PNG or JPEG <paramref name="width"/> points wide (at most the text width, and no
    /// taller than a page), on a new page if it does not fit on this one.</summary>
    public PdfDocument Image(byte[] data, double width, PdfAlign align = PdfAlign.Center)
    {
        var image = PdfImage.Read(data);
        images.Add(image);
        var w = Math.Min(width, Setup.ContentWidth);
        var h = w * image.PixelHeight / image.PixelWidth;
        if (h > Setup.ContentHeight)
        {
            w *= Setup.ContentHeight / h;
            h = Setup.ContentHeight;
        }

        if (y - h < Setup.MarginBottom - 0.01)
        {
            NewPage();
        }

        var x = Setup.MarginLeft + align switch
        {
            PdfAlign.Center => (Setup.ContentWidth - w) / 2,
            PdfAlign.Right => Setup.ContentWidth - w,
            _ => 0,
        };
        y -= h;
        pages[^1].Images.Add(new ImagePlacement(images.Count - 1, x, y, w, h));
        return this;
    }

    public byte[] ToArray()
    {
        using var output = new MemoryStream();
        WriteTo(output);
        return output.ToArray();
    }

    /// <summary>Writes the whole file.</summary>
    public void WriteTo(Stream output) => new PdfFileWriter(this, output).Write();

    private void NewPage()
    {
        pages.Add(new Page());
        y = Setup.Height - Setup.MarginTop;
    }

    private static readonly string NoLineStart = "，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}";
    private static readonly string NoLineEnd = "（《「『【〔〈“‘([{";

    /// <summary>Breaks one paragraph into lines of at most <paramref name="widthEm"/> ems (the first one
    /// <paramref name="indentEm"/> shorter). An empty paragraph is one empty line.</summary>
    internal static List<string> Wrap(string text, double widthEm, double indentEm)
    {
        var lines = new List<string>();
        var start = 0;
        var n = text.Length;
        while (start < n || lines.Count == 0)
        {
            var room = widthEm - (lines.Count == 0 ? indentEm : 0) + 1e-9;
            var w = 0.0;
            var i = start;
            var lastBreak = -1;
            var end = n;
            while (i < n)
            {
                if (i > start && CanBreakBefore(text, i))
                {
                    lastBreak = i;
                }

                var cw = PdfFonts.Width(text[i]);
                if (w + cw > room && i > start)
                {
                    end = text[i] == ' ' ? i : lastBreak > start ? lastBreak : i;
                    break;
                }

                w += cw;
                i++;
            }

            lines.Add(text[start..end].TrimEnd(' '));
            start = end;
            while (start < n && text[start] == ' ' && lines.Count > 0)
            {
                start++;
            }

            if (n == 0)
            {
                break;
            }
        }

        return lines;
    }

    private static bool CanBreakBefore(string s, int i)
    {
        char prev = s[i - 1], cur = s[i];
        if (NoLineStart.Contains(cur) || NoLineEnd.Contains(prev))
        {
            return false;
        }

        if (prev == ' ')
        {
            return true;
        }

        return cur != ' ' && (!PdfFonts.IsLatin(prev) || !PdfFonts.IsLatin(cur));
    }

    private sealed class Page
    {
        public List<TextLine> Lines { get; } = [];

        public List<ImagePlacement> Images { get; } = [];
    }

    private sealed record TextLine(double X, double Baseline, double Size, bool Bold, double CharSpacing, string Text);

    private sealed record ImagePlacement(int Image, double X, double Y, double Width, double Height);

    /// <summary>Serialises the laid-out pages: catalog, page tree, fonts, images, pages with their
    /// content, the info dictionary, then the cross-reference table whose offsets point at each object.</summary>
    private sealed class PdfFileWriter(PdfDocument doc, Stream output)
    {
        private readonly List<long> offsets = [0];
        private long position;

        public void Write()
        {
            // Object numbers are fixed up front, as the page tree names its pages before they are written.
            const int catalog = 1, pageTree = 2, cjkFont = 3, cidFont = 4, descriptor = 5, toUnicode = 6, latinFont = 7, info = 8;
            var next = 9;
            var imageIds = new List<(int Image, int? Mask)>();
            foreach (var image in doc.images)
            {
                var id = next++;
                imageIds.Add((id, image.Alpha is null ? null : next++));
            }

            var firstPage = next;
            int PageId(int i) => firstPage + (2 * i);

            Raw("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n"u8);
            Object(catalog, $"<< /Type /Catalog /Pages {pageTree} 0 R >>");
            var kids = string.Join(" ", Enumerable.Range(0, doc.pages.Count).Select(i => $"{PageId(i)} 0 R"));
            Object(pageTree, $"<< /Type /Pages /Kids [{kids}] /Count {doc.pages.Count} >>");
            Object(cjkFont, $"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [{cidFont} 0 R] /ToUnicode {toUnicode} 0 R >>");
            Object(cidFont, $"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor {descriptor} 0 R /DW 1000 >>");
            Object(descriptor, "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
            Stream(toUnicode, "", Encoding.ASCII.GetBytes(ToUnicodeMap()));
            Object(latinFont, $"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [{string.Join(" ", PdfFonts.LatinWidths)}] >>");
            var infoEntries = new StringBuilder("<< /Producer ").Append(TextString("同心履职平台"));
            if (doc.Title is { } title)
            {
                infoEntries.Append(" /Title ").Append(TextString(PdfFonts.Clean(title)));
            }

            if (doc.Created is { } created)
            {
                var offset = created.Offset;
                infoEntries.Append(CultureInfo.InvariantCulture, $" /CreationDate (D:{created:yyyyMMddHHmmss}{(offset < TimeSpan.Zero ? '-' : '+')}{offset:hh}'{offset:mm}')");
            }

            Object(info, infoEntries.Append(" >>").ToString());

            for (var i = 0; i < doc.images.Count; i++)
            {
                var image = doc.images[i];
                var (id, mask) = imageIds[i];
                Stream(id, $"/Type /XObject /Subtype /Image {image.Dictionary}{(mask is { } m ? $" /SMask {m} 0 R" : "")}", image.Data);
                if (mask is { } maskId)
                {
                    Stream(maskId, $"/Type /XObject /Subtype /Image /Width {image.PixelWidth} /Height {image.PixelHeight} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", image.Alpha!);
                }
            }

            var xobjects = string.Join(" ", imageIds.Select((x, i) => $"/Im{i} {x.Image} 0 R"));
            for (var i = 0; i < doc.pages.Count; i++)
            {
                var setup = doc.Setup;
                Object(
                    PageId(i),
                    $"<< /Type /Page /Parent {pageTree} 0 R /MediaBox [0 0 {N(setup.Width)} {N(setup.Height)}] "
                    + $"/Resources << /Font << /{PdfFonts.CjkResource} {cjkFont} 0 R /{PdfFonts.LatinResource} {latinFont} 0 R >>"
                    + (xobjects.Length > 0 ? $" /XObject << {xobjects} >>" : "")
                    + $" >> /Contents {PageId(i) + 1} 0 R >>");
                Stream(PageId(i) + 1, "/Filter /FlateDecode", PdfImage.Deflate(Content(i)));
            }

            var xref = position;
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count}\n0000000000 65535 f\r\n");
            for (var id = 1; id < offsets.Count; id++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{offsets[id]:D10} 00000 n\r\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            Raw(Encoding.ASCII.GetBytes(sb.ToString()));
        }

        /// <summary>The drawing operators of one page: its images, then its text lines, then the page number.</summary>
        private byte[] Content(int pageIndex)
        {
            var page = doc.pages[pageIndex];
            var sb = new StringBuilder();
            foreach (var image in page.Images)
            {
                sb.Append(CultureInfo.InvariantCulture, $"q {N(image.Width)} 0 0 {N(image.Height)} {N(image.X)} {N(image.Y)} cm /Im{image.Image} Do Q\n");
            }

            var lines = page.Lines.AsEnumerable();
            if (doc.PageNumbers)
            {
                var number = $"— {pageIndex + 1} —";
                var size = 14.0;
                var x = (doc.Setup.Width - (PdfFonts.Width(number) * size)) / 2;
                lines = lines.Append(new TextLine(x, doc.Setup.MarginBottom / 2, size, false, 0, number));
            }

            foreach (var line in lines)
            {
                if (line.Text.Length == 0)
                {
                    continue;
                }

                // Render mode and character spacing are graphics state and outlive ET, so every line sets both.
                // Bold fills and strokes the outlines: a heavier face without changing any width.
                sb.Append("BT\n");
                sb.Append(line.Bold ? $"2 Tr {N(line.Size * 0.03)} w " : "0 Tr ");
                sb.Append(CultureInfo.InvariantCulture, $"{N(line.CharSpacing)} Tc\n");

                sb.Append(CultureInfo.InvariantCulture, $"{N(line.X)} {N(line.Baseline)} Td\n");
                foreach (var (latin, text) in Runs(line.Text))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"/{(latin ? PdfFonts.LatinResource : PdfFonts.CjkResource)} {N(line.Size)} Tf ");
                    sb.Append(latin ? LatinString(text) : CjkString(text)).Append(" Tj\n");
                }

                sb.Append("ET\n");
            }

            return Encoding.ASCII.GetBytes(sb.ToString());
        }

        /// <summary>Splits a line into runs of one font.</summary>
        private static IEnumerable<(bool Latin, string Text)> Runs(string text)
        {
            var start = 0;
            for (var i = 1; i <= text.Length; i++)
            {
                if (i == text.Length || PdfFonts.IsLatin(text[i]) != PdfFonts.IsLatin(text[start]))
                {
                    yield return (PdfFonts.IsLatin(text[start]), text[start..i]);
                    start = i;
                }
            }
        }

        private static string LatinString(string text)
        {
            var sb = new StringBuilder("(");
            foreach (var c in text)
            {
                if (c is '(' or ')' or '\\')
                {
                    sb.Append('\\');
                }

                sb.Append(c);
            }

            return sb.Append(')').ToString();
        }

        /// <summary>UniGB-UCS2-H: two bytes per character, its UCS-2 value.</summary>
        private static string CjkString(string text)
        {
            var sb = new StringBuilder("<", (text.Length * 4) + 2);
            foreach (var c in text)
            {
                sb.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }

            return sb.Append('>').ToString();
        }

        /// <summary>A ToUnicode CMap for the codes the document uses (code = UCS-2 value), so text
        /// extraction and search do not depend on the reader knowing UniGB-UCS2-H.</summary>
        private string ToUnicodeMap()
        {
            var used = new SortedSet<char>();
            foreach (var page in doc.pages)
            {
                foreach (var line in page.Lines)
                {
                    used.UnionWith(line.Text.Where(c => !PdfFonts.IsLatin(c)));
                }
            }

            used.UnionWith("— 0123456789".Where(c => !PdfFonts.IsLatin(c)));
            var sb = new StringBuilder();
            sb.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
            sb.Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Tongxin-UCS2 def\n/CMapType 2 def\n");
            sb.Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
            foreach (var chunk in used.Chunk(100))
            {
                sb.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
                foreach (var c in chunk)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<{(int)c:X4}> <{(int)c:X4}>\n");
                }

                sb.Append("endbfchar\n");
            }

            sb.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
            return sb.ToString();
        }

        /// <summary>A text string in UTF-16BE with its byte-order mark (document properties).</summary>
        private static string TextString(string text) =>
            "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

        private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

        private void Object(int id, string body)
        {
            Begin(id);
            Raw(Encoding.ASCII.GetBytes(body));
            Raw("\nendobj\n"u8);
        }

        private void Stream(int id, string dictionary, byte[] data)
        {
            Begin(id);
            Raw(Encoding.ASCII.GetBytes($"<< {dictionary}{(dictionary.Length > 0 ? " " : "")}/Length {data.Length} >>\nstream\n"));
            Raw(data);
            Raw("\nendstream\nendobj\n"u8);
        }

        private void Begin(int id)
        {
            while (offsets.Count <= id)
            {
                offsets.Add(0);
            }

            offsets[id] = position;
            Raw(Encoding.ASCII.GetBytes($"{id} 0 obj\n"));
        }

        private void Raw(ReadOnlySpan<byte> bytes)
        {
            output.Write(bytes);
            position += bytes.Length;
        }
    }
}
