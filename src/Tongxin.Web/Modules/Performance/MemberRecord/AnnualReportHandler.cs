using Tongxin.Modules.Performance.Ledger;
using Tongxin.Platform.Calendar;

namespace Tongxin.Modules.Performance.MemberRecord;

/// <summary>A member's annual report: as text for the page, as .docx and as PDF. The reader must be
/// allowed to read the member's full record (the member, or staff and leaders of the committee).</summary>
public sealed class AnnualReportHandler(DutyRecordQuery records, TimeProvider time)
{
    public async Task<(MemberDutyYear Year, AnnualReport Report)> GetAsync(Guid memberId, int year, CancellationToken ct = default)
    {
        var y = await records.MemberYearAsync(memberId, year, ct);
        return (y, AnnualReportComposer.Compose(y));
    }

    public async Task<(byte[] Content, string FileName)> DocxAsync(Guid memberId, int year, CancellationToken ct = default)
    {
        var (_, report) = await GetAsync(memberId, year, ct);
        using var output = new MemoryStream();
        AnnualReportDocuments.WriteDocx(output, report, BeijingTime.Today(time), time.GetUtcNow().UtcDateTime);
        return (output.ToArray(), report.FileNameFor("docx"));
    }

    public async Task<(byte[] Content, string FileName)> PdfAsync(Guid memberId, int year, CancellationToken ct = default)
    {
        var (_, report) = await GetAsync(memberId, year, ct);
        using var output = new MemoryStream();
        AnnualReportDocuments.WritePdf(output, report, BeijingTime.Today(time), time.GetUtcNow());
        return (output.ToArray(), report.FileNameFor("pdf"));
    }

    /// <summary>Writes one member's report as .docx into <paramref name="output"/> without an access
    /// check: for the bulk job (which checked the committee) and the benchmark.</summary>
    public async Task<AnnualReport> WriteDocxAsync(Guid memberId, int year, Stream output, CancellationToken ct = default)
    {
        var y = await records.LoadAsync(memberId, year, ct);
        var report = AnnualReportComposer.Compose(y);
        AnnualReportDocuments.WriteDocx(output, report, BeijingTime.Today(time), time.GetUtcNow().UtcDateTime);
        return report;
    }
}
