using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static Tongxin.Modules.Proposals.Documents.GbtLayout;

namespace Tongxin.Modules.Proposals.Documents;

/// <summary>Writes a .docx in the GB/T 9704 layout straight into a stream, one body element at a time.
/// The package is assembled here rather than by the SDK's <c>WordprocessingDocument</c>: that one
/// needs a readable package and keeps every part in memory until it is closed, while a session
/// compilation of thousands of proposals must go out as it is read from the database.</summary>
public sealed class DocxWriter : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string WordMl = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    private readonly ZipArchive zip;
    private readonly Stream documentStream;
    private readonly OpenXmlWriter writer;
    private readonly bool coverPage;
    private bool finished;

    private DocxWriter(ZipArchive zip, bool coverPage)
    {
        this.zip = zip;
        this.coverPage = coverPage;
        documentStream = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
        writer = OpenXmlWriter.Create(documentStream);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Document(), [], [new("w", MainNs), new("r", RelNs)]);
        writer.WriteStartElement(new Body());
    }

    /// <summary>Starts a document. With <paramref name="coverPage"/> the first page carries no page
    /// number and the page after it is page 1.</summary>
    public static DocxWriter Begin(Stream output, string title, DateTime createdUtc, bool coverPage = false)
    {
        var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        try
        {
            WritePackageParts(zip, title, createdUtc, coverPage);
            return new DocxWriter(zip, coverPage);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>Writes one body element (paragraph or table) and lets it go.</summary>
    public void Write(OpenXmlElement element) => writer.WriteElement(element);

    public void Write(IEnumerable<OpenXmlElement> elements)
    {
        foreach (var element in elements)
        {
            writer.WriteElement(element);
        }
    }

    /// <summary>Closes the body with the page setup and completes the package.</summary>
    public void Finish()
    {
        writer.WriteElement(Section(coverPage));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
        documentStream.Dispose();
        zip.Dispose();
        finished = true;
    }

    public void Dispose()
    {
        if (!finished)
        {
            writer.Dispose();
            documentStream.Dispose();
            zip.Dispose();
        }
    }

    /// <summary>A4, the GB/T 9704 margins, 22 lines × 28 characters, page numbers on odd pages at
    /// the right and on even pages at the left.</summary>
    private static SectionProperties Section(bool coverPage)
    {
        var section = new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooterOdd" },
            new FooterReference { Type = HeaderFooterValues.Even, Id = "rIdFooterEven" });
        if (coverPage)
        {
            section.Append(new FooterReference { Type = HeaderFooterValues.First, Id = "rIdFooterFirst" });
        }

        section.Append(
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin
            {
                Top = MarginTop,
                Bottom = MarginBottom,
                Left = MarginLeft,
                Right = MarginRight,
                Header = HeaderDistance,
                Footer = FooterDistance,
                Gutter = 0,
            });
        if (coverPage)
        {
            section.Append(new PageNumberType { Start = 0 });
        }

        if (coverPage)
        {
            section.Append(new TitlePage());
        }

        section.Append(new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = LinePitch, CharacterSpace = CharSpace });
        return section;
    }

    private static void WritePackageParts(ZipArchive zip, string title, DateTime createdUtc, bool coverPage)
    {
        var footers = new List<(string Id, string Target)> { ("rIdFooterOdd", "footer1.xml"), ("rIdFooterEven", "footer2.xml") };
        if (coverPage)
        {
            footers.Add(("rIdFooterFirst", "footer3.xml"));
        }

        WriteXml(zip, "[Content_Types].xml", w =>
        {
            w.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(w, "xml", "application/xml");
            Override(w, "/word/document.xml", WordMl + "document.main+xml");
            Override(w, "/word/styles.xml", WordMl + "styles+xml");
            Override(w, "/word/settings.xml", WordMl + "settings+xml");
            Override(w, "/word/fontTable.xml", WordMl + "fontTable+xml");
            foreach (var (_, target) in footers)
            {
                Override(w, "/word/" + target, WordMl + "footer+xml");
            }

            Override(w, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
            w.WriteEndElement();
        });
        WriteXml(zip, "_rels/.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRelNs);
            Relationship(w, "rIdDocument", RelNs + "/officeDocument", "word/document.xml");
            Relationship(w, "rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
            w.WriteEndElement();
        });
        WriteXml(zip, "docProps/core.xml", w =>
        {
            const string dc = "http://purl.org/dc/elements/1.1/";
            const string terms = "http://purl.org/dc/terms/";
            w.WriteStartElement("cp", "coreProperties", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
            w.WriteAttributeString("xmlns", "dc", null, dc);
            w.WriteAttributeString("xmlns", "dcterms", null, terms);
            w.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            w.WriteElementString("dc", "title", dc, Clean(title));
            w.WriteElementString("dc", "creator", dc, "同心履职平台");
            w.WriteStartElement("dcterms", "created", terms);
            w.WriteAttributeString("xsi", "type", "http://www.w3.org/2001/XMLSchema-instance", "dcterms:W3CDTF");
            w.WriteString(createdUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteEndElement();
        });
        WriteXml(zip, "word/_rels/document.xml.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRelNs);
            Relationship(w, "rIdStyles", RelNs + "/styles", "styles.xml");
            Relationship(w, "rIdSettings", RelNs + "/settings", "settings.xml");
            Relationship(w, "rIdFonts", RelNs + "/fontTable", "fontTable.xml");
            foreach (var (id, target) in footers)
            {
                Relationship(w, id, RelNs + "/footer", target);
            }

            w.WriteEndElement();
        });
        WriteElement(zip, "word/styles.xml", DocumentStyles());
        WriteElement(zip, "word/settings.xml", DocumentSettings());
        WriteElement(zip, "word/fontTable.xml", FontTable());
        WriteElement(zip, "word/footer1.xml", PageNumberFooter(oddPage: true));
        WriteElement(zip, "word/footer2.xml", PageNumberFooter(oddPage: false));
        if (coverPage)
        {
            WriteElement(zip, "word/footer3.xml", new Footer(Paragraph(StyleIds.Footer, "")));
        }
    }

    /// <summary>"— 1 —" in 4号宋体: on odd pages right-aligned one character in from the edge of the
    /// 版心, on even pages left-aligned one character in.</summary>
    private static Footer PageNumberFooter(bool oddPage)
    {
        var paragraph = Paragraph(StyleIds.Footer, "", p =>
        {
            p.Indentation = oddPage ? new Indentation { Right = "280" } : new Indentation { Left = "280" };
            p.Justification = new Justification { Val = oddPage ? JustificationValues.Right : JustificationValues.Left };
        });
        paragraph.Append(
            Run("— "),
            new SimpleField(Run("1")) { Instruction = " PAGE " },
            Run(" —"));
        return new Footer(paragraph);
    }

    private static Styles DocumentStyles()
    {
        var size = (int s) => (new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = s.ToString(CultureInfo.InvariantCulture) });
        var (bodySize, bodySizeCs) = size(BodySize);
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = new RunFonts { Ascii = Latin, HighAnsi = Latin, EastAsia = FangSong, ComplexScript = Latin, Hint = FontTypeHintValues.EastAsia },
                FontSize = bodySize,
                FontSizeComplexScript = bodySizeCs,
                Languages = new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = LinePitch.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact },
            }));

        Style ParagraphStyle(string id, string name, StyleParagraphProperties? p = null, StyleRunProperties? r = null, bool isDefault = false)
        {
            var style = new Style
            {
                Type = StyleValues.Paragraph,
                StyleId = id,
                StyleName = new StyleName { Val = name },
                PrimaryStyle = new PrimaryStyle(),
            };
            if (isDefault)
            {
                style.Default = true;
            }
            else
            {
                style.BasedOn = new BasedOn { Val = "Normal" };
            }

            style.StyleParagraphProperties = p;
            style.StyleRunProperties = r;
            return style;
        }

        RunFonts Fonts(string eastAsia) => new() { Ascii = Latin, HighAnsi = Latin, EastAsia = eastAsia, ComplexScript = Latin, Hint = FontTypeHintValues.EastAsia };

        var firstLineTwoChars = () => new Indentation { FirstLineChars = 200, FirstLine = (2 * BodyChar).ToString(CultureInfo.InvariantCulture) };
        var (titleSize, titleSizeCs) = size(TitleSize);
        var (smallSize, smallSizeCs) = size(SmallSize);
        var (footerSize, footerSizeCs) = size(SmallSize);
        return new Styles(
            defaults,
            ParagraphStyle("Normal", "Normal", new StyleParagraphProperties { Justification = new Justification { Val = JustificationValues.Both } }, isDefault: true),
            ParagraphStyle(StyleIds.Body, "公文正文", new StyleParagraphProperties { Indentation = firstLineTwoChars() }),
            ParagraphStyle(StyleIds.Plain, "公文无缩进"),
            ParagraphStyle(
                StyleIds.Title,
                "公文标题",
                new StyleParagraphProperties
                {
                    KeepNext = new KeepNext(),
                    SpacingBetweenLines = new SpacingBetweenLines { Line = "700", LineRule = LineSpacingRuleValues.Exact },
                    Justification = new Justification { Val = JustificationValues.Center },
                },
                new StyleRunProperties { RunFonts = Fonts(XiaoBiaoSong), FontSize = titleSize, FontSizeComplexScript = titleSizeCs }),
            ParagraphStyle(
                StyleIds.Heading1,
                "一级标题",
                new StyleParagraphProperties { KeepNext = new KeepNext(), Indentation = firstLineTwoChars() },
                new StyleRunProperties { RunFonts = Fonts(HeiTi) }),
            ParagraphStyle(
                StyleIds.Heading2,
                "二级标题",
                new StyleParagraphProperties { KeepNext = new KeepNext(), Indentation = firstLineTwoChars() },
                new StyleRunProperties { RunFonts = Fonts(KaiTi) }),
            ParagraphStyle(
                StyleIds.Table,
                "表格文字",
                new StyleParagraphProperties
                {
                    SpacingBetweenLines = new SpacingBetweenLines { Line = "400", LineRule = LineSpacingRuleValues.Exact },
                    Justification = new Justification { Val = JustificationValues.Left },
                },
                new StyleRunProperties { FontSize = smallSize, FontSizeComplexScript = smallSizeCs }),
            ParagraphStyle(
                StyleIds.Toc,
                "目录",
                new StyleParagraphProperties
                {
                    Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = TextWidth }),
                    Indentation = new Indentation { Left = (5 * BodyChar).ToString(CultureInfo.InvariantCulture), Hanging = (5 * BodyChar).ToString(CultureInfo.InvariantCulture) },
                    Justification = new Justification { Val = JustificationValues.Left },
                }),
            ParagraphStyle(
                StyleIds.Footer,
                "页码",
                new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto } },
                new StyleRunProperties
                {
                    RunFonts = new RunFonts { Ascii = SongTi, HighAnsi = SongTi, EastAsia = SongTi, ComplexScript = SongTi },
                    FontSize = footerSize,
                    FontSizeComplexScript = footerSizeCs,
                }));
    }

    private static Settings DocumentSettings() => new(
        new Zoom { Percent = "100" },
        new DefaultTabStop { Val = (short)(2 * BodyChar) },
        new EvenAndOddHeaders(),
        new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }),
        new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });

    private static Fonts FontTable()
    {
        var fonts = new Fonts();
        foreach (var (name, altName, panose, serif) in GbtLayout.Fonts)
        {
            fonts.Append(new Font(
                new AltName { Val = altName },
                new Panose1Number { Val = panose },
                new FontCharSet { Val = "86" },
                new FontFamily { Val = serif ? FontFamilyValues.Roman : FontFamilyValues.Modern },
                new Pitch { Val = FontPitchValues.Variable })
            { Name = name });
        }

        fonts.Append(new Font(
            new Panose1Number { Val = "02020603050405020304" },
            new FontCharSet { Val = "00" },
            new FontFamily { Val = FontFamilyValues.Roman },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = Latin });
        return fonts;
    }

    private static void WriteElement(ZipArchive zip, string path, OpenXmlElement root) =>
        WriteXml(zip, path, root.WriteTo);

    private static void WriteXml(ZipArchive zip, string path, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Default(XmlWriter w, string extension, string contentType)
    {
        w.WriteStartElement("Default", "http://schemas.openxmlformats.org/package/2006/content-types");
        w.WriteAttributeString("Extension", extension);
        w.WriteAttributeString("ContentType", contentType);
        w.WriteEndElement();
    }

    private static void Override(XmlWriter w, string part, string contentType)
    {
        w.WriteStartElement("Override", "http://schemas.openxmlformats.org/package/2006/content-types");
        w.WriteAttributeString("PartName", part);
        w.WriteAttributeString("ContentType", contentType);
        w.WriteEndElement();
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", PackageRelNs);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }
}
