using DocumentFormat.OpenXml.Wordprocessing;
using Tongxin.Modules.Proposals.Documents;
using Tongxin.Platform.Documents.Pdf;
using static Tongxin.Modules.Proposals.Documents.GbtLayout;

namespace Tongxin.Modules.Opinions.Bulletins;

/// <summary>What a bulletin document prints: the committee (编发单位 is its office), year, type, 期号
/// (null for a draft), title, the issue date in Beijing time (a draft: today), articles and recipients.</summary>
public sealed record BulletinDocument(
    string CommitteeName,
    int Year,
    string Type,
    int? IssueNo,
    string Title,
    DateOnly Date,
    IReadOnlyList<BulletinArticleView> Articles,
    IReadOnlyList<string> MainRecipients,
    IReadOnlyList<string> CopyRecipients)
{
    public bool IsDraft => IssueNo is null;

    /// <summary>"2026年第3期"; a draft "（未印发样稿）".</summary>
    public string IssueText => IssueNo is { } n ? $"{Year}年第{n}期" : "（未印发样稿）";

    /// <summary>编发单位: the committee's office.</summary>
    public string Publisher => $"{CommitteeName}办公室";

    public string FileStem => $"社情民意{Type}{(IssueNo is { } n ? $"{Year}年第{n}期" : "样稿")}";
}

/// <summary>期刊文档 – 《社情民意》 as Word (GB/T 9704: red masthead, 期号, 编发单位 and date over a red
/// rule, the articles with their submitters, 主送/抄送 between rules at the end) and the same as PDF.</summary>
public static class BulletinDocuments
{
    public const string PdfContentType = "application/pdf";

    private const string Red = "C00000";

    public static void WriteDocx(Stream output, BulletinDocument d, DateTime nowUtc)
    {
        using var doc = DocxWriter.Begin(output, $"社情民意 {d.IssueText} {d.Title}", nowUtc);
        var masthead = Paragraph(StyleIds.Title, "", p => p.SpacingBetweenLines = new SpacingBetweenLines { Before = "400", After = "200", Line = "1400", LineRule = LineSpacingRuleValues.Exact });
        var mastheadFont = Font(XiaoBiaoSong, CoverSize);
        mastheadFont.Color = new Color { Val = Red };
        masthead.Append(Run("社情民意", mastheadFont));
        doc.Write(masthead);
        doc.Write(Paragraph(StyleIds.Plain, $"（{d.Type}）", Centre));
        doc.Write(Paragraph(StyleIds.Plain, d.IssueText, Centre));
        var line = Paragraph(StyleIds.Plain, "", p =>
        {
            p.Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth });
            p.ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12U, Space = 4U, Color = Red });
        });
        line.Append(Run(d.Publisher + "编"), new Run(new TabChar()), Run(Date(d.Date)));
        doc.Write(line);
        doc.Write(Paragraph(StyleIds.Plain, ""));
        foreach (var article in d.Articles)
        {
            doc.Write(Paragraph(StyleIds.Title, article.Title));
            var submitters = Paragraph(StyleIds.Plain, "", Centre);
            submitters.Append(Run($"（{article.Submitters}）", Font(KaiTi)));
            doc.Write(submitters);
            doc.Write(TextParagraphs(article.Body));
            doc.Write(Paragraph(StyleIds.Plain, ""));
        }

        var first = true;
        foreach (var (label, names) in Recipients(d))
        {
            doc.Write(Paragraph(StyleIds.Plain, $"{label}：{names}", p =>
            {
                p.Indentation = new Indentation { Left = (4 * BodyChar).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = (4 * BodyChar).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                p.ParagraphBorders = first
                    ? new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6U, Space = 4U, Color = "000000" }, new BottomBorder { Val = BorderValues.Single, Size = 6U, Space = 4U, Color = "000000" })
                    : new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6U, Space = 4U, Color = "000000" });
            }));
            first = false;
        }

        doc.Finish();
    }

    public static void WritePdf(Stream output, BulletinDocument d, DateTimeOffset now)
    {
        var pdf = new PdfDocument { Title = $"社情民意 {d.IssueText} {d.Title}", Created = now };
        pdf.Paragraph("社情民意", new PdfTextStyle(42, Bold: true, Align: PdfAlign.Center, LineHeight: 1.6));
        pdf.Paragraph($"（{d.Type}）", new PdfTextStyle(16, Align: PdfAlign.Center));
        pdf.Paragraph(d.IssueText, new PdfTextStyle(16, Align: PdfAlign.Center));
        pdf.Paragraph($"{d.Publisher}编　　{Date(d.Date)}", new PdfTextStyle(16, Align: PdfAlign.Center, SpaceAfter: 8));
        pdf.Paragraph(new string('—', 26), new PdfTextStyle(16, Align: PdfAlign.Center, LineHeight: 1, SpaceAfter: 12));
        foreach (var article in d.Articles)
        {
            pdf.Paragraph(article.Title, new PdfTextStyle(22, Bold: true, Align: PdfAlign.Center, LineHeight: 1.4, SpaceBefore: 6));
            pdf.Paragraph($"（{article.Submitters}）", new PdfTextStyle(16, Align: PdfAlign.Center, SpaceAfter: 6));
            pdf.Paragraph(string.Join("\n", article.Body.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)), new PdfTextStyle(16, Align: PdfAlign.Justify, FirstLineIndentChars: 2));
            pdf.Space(12);
        }

        pdf.Paragraph(new string('—', 26), new PdfTextStyle(16, Align: PdfAlign.Center, LineHeight: 1));
        foreach (var (label, names) in Recipients(d))
        {
            pdf.Paragraph($"{label}：{names}", new PdfTextStyle(14));
        }

        pdf.WriteTo(output);
    }

    private static IEnumerable<(string Label, string Names)> Recipients(BulletinDocument d)
    {
        if (d.MainRecipients.Count > 0)
        {
            yield return ("主送", string.Join("，", d.MainRecipients));
        }

        if (d.CopyRecipients.Count > 0)
        {
            yield return ("抄送", string.Join("，", d.CopyRecipients));
        }
    }

    private static void Centre(ParagraphProperties p) => p.Justification = new Justification { Val = JustificationValues.Center };
}
