using Tongxin.Modules.Performance.Ledger;
using Tongxin.Platform.Calendar;

namespace Tongxin.Modules.Performance.MemberRecord;

/// <summary>A member's annual report: as text for the page, as .docx and as PDF. The reader must be
/// allowed to read the member's full record (the member, or staff and leaders of the committee).</summary>
public sealed class AnnualReportHandler(DutyRecordQuery records, TimeProvider time)
{
    /// <summary>The report of <paramref name="memberId"/> (default: the actor's own) for <paramref name="year"/> (default: this year).</summary>
    public async Task<AnnualReport> GetAsync(Guid? memberId, int? year, CancellationToken ct = default) =>
        AnnualReportComposer.Compose(await records.MemberYearAsync(memberId, year, ct));

    public async Task<(byte[] Content, string FileName)> DocxAsync(Guid? memberId, int? year, CancellationToken ct = default)
    {
        var report = await GetAsync(memberId, year, ct);
        using var output = new MemoryStream();
        AnnualReportDocuments.WriteDocx(output, report, BeijingTime.Today(time), time.GetUtcNow().UtcDateTime);
        return (output.ToArray(), report.FileNameFor("docx"));
    }

    public async Task<(byte[] Content, string FileName)> PdfAsync(Guid? memberId, int? year, CancellationToken ct = default)
    {
        var report = await GetAsync(memberId, year, ct);
        using var output = new MemoryStream();
        AnnualReportDocuments.WritePdf(output, report, BeijingTime.Today(time), time.GetUtcNow());
        return (output.ToArray(), report.FileNameFor("pdf"));
    }

    /// <summary>Writes one member's report as .docx into <paramref name="output"/> without an access
    /// check: for the bulk job (which checked the committee) and the benchmark.</summary>
    public async Task WriteDocxAsync(DutyMember member, int year, Stream output, CancellationToken ct = default)
    {
        var report = AnnualReportComposer.Compose(await records.LoadAsync(member, year, ct));
        AnnualReportDocuments.WriteDocx(output, report, BeijingTime.Today(time), time.GetUtcNow().UtcDateTime);
    }
}
