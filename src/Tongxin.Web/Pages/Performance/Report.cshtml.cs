using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Performance.MemberRecord;
using Tongxin.Platform.Calendar;

namespace Tongxin.Pages.Performance;

/// <summary>年度履职报告 – the report in sentence form, and its Word and PDF downloads.</summary>
public class ReportModel(AnnualReportHandler reports, PerformanceAccess access, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? MemberId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public AnnualReport Report { get; private set; } = null!;

    public string Query => MemberId is { } id ? $"memberId={id}&year={Report.Year}" : $"year={Report.Year}";

    public async Task OnGetAsync(CancellationToken ct) =>
        (_, Report) = await reports.GetAsync(Member(), YearOrNow, ct);

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        var (content, name) = await reports.DocxAsync(Member(), YearOrNow, ct);
        return File(content, AnnualReport.DocxContentType, name);
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        var (content, name) = await reports.PdfAsync(Member(), YearOrNow, ct);
        return File(content, AnnualReport.PdfContentType, name);
    }

    private int YearOrNow => Year ?? BeijingTime.Today(time).Year;

    private Guid Member() => MemberId ?? access.RequireMember();
}
