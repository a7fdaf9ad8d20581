using DocumentFormat.OpenXml.Wordprocessing;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Modules.Proposals.Documents;
using Tongxin.Platform.Documents.Pdf;
using static Tongxin.Modules.Proposals.Documents.GbtLayout;

namespace Tongxin.Modules.Performance.MemberRecord;

/// <summary>年度履职报告 as Word (GB/T 9704: 2号小标宋 title, the committee and member in 楷体 under
/// it, 3号仿宋 body indented two characters, the date at the right) and the same as PDF. Both write
/// straight into a stream; the bulk job writes one report after the other into a ZIP.</summary>
public static class AnnualReportDocuments
{
    public static void WriteDocx(Stream output, AnnualReport report, DateOnly date, DateTime nowUtc)
    {
        using var doc = DocxWriter.Begin(output, $"{report.Title} {report.MemberName}", nowUtc);
        doc.Write(Paragraph(StyleIds.Title, report.Title));
        var byline = Paragraph(StyleIds.Plain, "", Centre);
        byline.Append(Run(report.Byline, Font(KaiTi)));
        doc.Write(byline);
        doc.Write(Paragraph(StyleIds.Plain, ""));
        foreach (var p in report.Paragraphs)
        {
            doc.Write(Paragraph(StyleIds.Body, p));
        }

        doc.Write(Paragraph(StyleIds.Plain, ""));
        doc.Write(Paragraph(StyleIds.Plain, Date(date), p =>
        {
            p.Justification = new Justification { Val = JustificationValues.Right };
            p.Indentation = new Indentation { Right = (4 * BodyChar).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }));
        doc.Finish();
    }

    public static void WritePdf(Stream output, AnnualReport report, DateOnly date, DateTimeOffset now)
    {
        var pdf = new PdfDocument { Title = $"{report.Title} {report.MemberName}", Created = now };
        pdf.Paragraph(report.Title, new PdfTextStyle(22, Bold: true, Align: PdfAlign.Center, LineHeight: 1.6, SpaceAfter: 6));
        pdf.Paragraph(report.Byline, new PdfTextStyle(16, Align: PdfAlign.Center, SpaceAfter: 16));
        foreach (var p in report.Paragraphs)
        {
            pdf.Paragraph(p, new PdfTextStyle(16, Align: PdfAlign.Justify, FirstLineIndentChars: 2, LineHeight: 1.75));
        }

        pdf.Space(16);
        pdf.Paragraph(Date(date), new PdfTextStyle(16, Align: PdfAlign.Right));
        pdf.WriteTo(output);
    }

    private static void Centre(ParagraphProperties p) => p.Justification = new Justification { Val = JustificationValues.Center };
}
