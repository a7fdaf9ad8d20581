using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Tongxin.Modules.Proposals.Documents;
using Tongxin.Platform.Data;
using static Tongxin.Modules.Proposals.Documents.GbtLayout;

namespace Tongxin.Modules.Supervision.Letters;

/// <summary>What the printed 建议书 says: the committee (发文机关), its number (null before sign-off),
/// title, 主送部门, text, the group that wrote it and the date.</summary>
public sealed record LetterDocumentText(
    string CommitteeName,
    string NumberText,
    bool SignedOff,
    string Title,
    string Recipient,
    string Body,
    string GroupName,
    DateOnly Date);

/// <summary>《民主监督建议书》 as Word after GB/T 9704 (the page, fonts and styles of
/// <see cref="GbtLayout"/> and <see cref="DocxWriter"/>): the red 发文机关标志, the 发文字号 over the red
/// rule, the title, 主送部门, the text, and the group and date at the bottom right. A letter not yet
/// signed off carries a draft mark.</summary>
public sealed class LetterDocuments(TongxinDbContext db, LetterQueries queries, TimeProvider time)
{
    public const string ContentType = ProposalDocuments.ContentType;

    private const string Red = "C00000";

    /// <summary>The letter as .docx for whoever may read it; audited.</summary>
    public async Task<(Stream Content, string FileName)> DocxAsync(Guid id, CancellationToken ct = default)
    {
        var view = await queries.GetAsync(id, ct);
        var l = view.Letter;
        var text = new LetterDocumentText(view.CommitteeName, view.NumberText, l.Number is not null, l.Title, l.Recipient, l.Body, view.GroupName,
            LetterQueries.DocumentDate(l, time));
        var output = new MemoryStream();
        Write(output, text, time.GetUtcNow().UtcDateTime);
        output.Position = 0;
        db.Audit("导出民主监督建议书", nameof(SupervisionLetter), l.Id.ToString(), "成功", $"{view.NumberText} {l.Title}");
        await db.SaveChangesAsync(ct);
        var stem = l.Number is null ? "民主监督建议书（草稿）" : view.NumberText;
        return (output, $"{stem}{l.Title}.docx");
    }

    public static void Write(Stream output, LetterDocumentText d, DateTime nowUtc)
    {
        using var doc = DocxWriter.Begin(output, $"{d.NumberText} {d.Title}", nowUtc);
        if (!d.SignedOff)
        {
            doc.Write(Paragraph(StyleIds.Plain, "（草稿：本建议书尚未签发，仅供修改审核使用）"));
        }

        var masthead = Paragraph(StyleIds.Title, "", p => p.SpacingBetweenLines = new SpacingBetweenLines { Before = "200", After = "200", Line = "1000", LineRule = LineSpacingRuleValues.Exact });
        var mastheadFont = Font(XiaoBiaoSong, TitleSize + 16);
        mastheadFont.Color = new Color { Val = Red };
        masthead.Append(Run($"{d.CommitteeName}民主监督建议书", mastheadFont));
        doc.Write(masthead);
        doc.Write(Paragraph(StyleIds.Plain, d.SignedOff ? d.NumberText : "", p =>
        {
            p.Justification = new Justification { Val = JustificationValues.Center };
            p.ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12U, Space = 4U, Color = Red });
        }));
        doc.Write(Paragraph(StyleIds.Plain, ""));
        doc.Write(Paragraph(StyleIds.Title, d.Title));
        doc.Write(Paragraph(StyleIds.Plain, ""));
        doc.Write(Paragraph(StyleIds.Plain, d.Recipient + "："));
        doc.Write(TextParagraphs(d.Body));
        doc.Write(Paragraph(StyleIds.Plain, ""));
        doc.Write(Paragraph(StyleIds.Plain, $"{d.CommitteeName}{d.GroupName}", RightSpaced(2)));
        doc.Write(Paragraph(StyleIds.Plain, Date(d.Date), RightSpaced(4)));
        doc.Finish();
    }

    /// <summary>发文机关署名 and 成文日期: right-aligned, kept the given number of characters from the edge.</summary>
    private static Action<ParagraphProperties> RightSpaced(int chars) => x =>
    {
        x.Indentation = new Indentation { RightChars = chars * 100, Right = (chars * BodyChar).ToString(CultureInfo.InvariantCulture) };
        x.Justification = new Justification { Val = JustificationValues.Right };
    };
}
