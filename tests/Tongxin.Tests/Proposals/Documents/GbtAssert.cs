using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Tongxin.Tests.Proposals.Documents;

/// <summary>What every exported document must show of GB/T 9704-2012, read back from the .docx.</summary>
internal static class GbtAssert
{
    /// <summary>A4, margins 37/35/28/26 mm, 22 lines × 28 characters, body 3号仿宋, title 2号小标宋
    /// centred, "— N —" page numbers, and a package Word accepts (schema-valid).</summary>
    public static void Layout(WordprocessingDocument doc)
    {
        new OpenXmlValidator(FileFormatVersions.Office2013).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ShouldBeEmpty();

        var section = doc.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        (size.Width!.Value, size.Height!.Value).ShouldBe((11906U, 16838U));
        var margin = section.GetFirstChild<PageMargin>()!;
        (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value).ShouldBe((2098, 1984, 1587U, 1474U));
        var grid = section.GetFirstChild<DocGrid>()!;
        grid.Type!.Value.ShouldBe(DocGridValues.LinesAndChars);

        var defaults = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        defaults.FontSize!.Val!.Value.ShouldBe("32");
        defaults.RunFonts!.EastAsia!.Value.ShouldBe("仿宋");
        defaults.Languages!.EastAsia!.Value.ShouldBe("zh-CN");

        // 22 lines of the grid's pitch fit the 版心's height, a 23rd does not; 28 characters of
        // 16 pt adjusted by the grid's character spacing fill its width.
        var textHeight = 16838 - 2098 - 1984;
        (textHeight / grid.LinePitch!.Value).ShouldBe(22);
        var charPitchTwips = (32 / 2.0 + grid.CharacterSpace!.Value / 4096.0) * 20;
        Math.Round((11906 - 1587 - 1474) / charPitchTwips, 2).ShouldBe(28.00);

        var title = Style(doc, "TxTitle");
        title.StyleRunProperties!.FontSize!.Val!.Value.ShouldBe("44");
        title.StyleRunProperties.RunFonts!.EastAsia!.Value.ShouldBe("方正小标宋简体");
        title.StyleParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center);

        doc.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>().ShouldNotBeNull();
        foreach (var type in new[] { HeaderFooterValues.Default, HeaderFooterValues.Even })
        {
            var reference = section.Elements<FooterReference>().Single(f => f.Type!.Value == type);
            var footer = ((FooterPart)doc.MainDocumentPart.GetPartById(reference.Id!.Value!)).Footer!;
            footer.Descendants<SimpleField>().Single().Instruction!.Value!.Trim().ShouldBe("PAGE");
            string.Concat(footer.Descendants<Text>().Select(t => t.Text)).ShouldBe("— 1 —");
            footer.Descendants<ParagraphStyleId>().Single().Val!.Value.ShouldBe("TxFooter");
        }

        Style(doc, "TxFooter").StyleRunProperties!.FontSize!.Val!.Value.ShouldBe("28");
    }

    public static Style Style(WordprocessingDocument doc, string id) =>
        doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == id);

    /// <summary>The paragraphs of one style, as text.</summary>
    public static List<string> Styled(this WordprocessingDocument doc, string styleId) =>
        [.. doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == styleId)
            .Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text)))];

    /// <summary>The East-Asian font a run is drawn with: its own, its paragraph style's, or the default.</summary>
    public static string EastAsiaFont(WordprocessingDocument doc, Run run)
    {
        if (run.RunProperties?.RunFonts?.EastAsia?.Value is { } own)
        {
            return own;
        }

        var styleId = run.Ancestors<Paragraph>().First().ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        while (styleId is not null)
        {
            var style = Style(doc, styleId);
            if (style.StyleRunProperties?.RunFonts?.EastAsia?.Value is { } styled)
            {
                return styled;
            }

            styleId = style.BasedOn?.Val?.Value;
        }

        return doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!.EastAsia!.Value!;
    }
}
