using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Performance.MemberRecord;
using Tongxin.Platform.Attachments;

namespace Tongxin.Pages.Performance;

/// <summary>年度履职报告 – the report in sentence form, and its Word and PDF downloads.</summary>
public class ReportModel(AnnualReportHandler reports) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? MemberId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public AnnualReport Report { get; private set; } = null!;

    public string Query => MemberId is { } id ? $"memberId={id}&year={Report.Year}" : $"year={Report.Year}";

    public async Task OnGetAsync(CancellationToken ct) =>
        Report = await reports.GetAsync(MemberId, Year, ct);

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        var (content, name) = await reports.DocxAsync(MemberId, Year, ct);
        return File(content, FileKind.Docx.ContentType, name);
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        var (content, name) = await reports.PdfAsync(MemberId, Year, ct);
        return File(content, FileKind.Pdf.ContentType, name);
    }
}
