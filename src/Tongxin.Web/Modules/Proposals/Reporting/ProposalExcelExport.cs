using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Reporting;

/// <summary>File names and type of the proposal workbooks.</summary>
public static class ProposalFiles
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ListName = "提案列表.xlsx";
    public const string DeadlinesName = "提案办理时限.xlsx";
    public const string StatisticsName = "提案统计.xlsx";
    public const string UnitsName = "承办单位办理情况.xlsx";
}

/// <summary>提案列表导出 – the filtered staff list as .xlsx, streamed: rows are read from the
/// database in batches of <see cref="BatchSize"/> (each batch's units in one grouped query) and written with
/// <see cref="XlsxStreamWriter"/> into a temporary file, which the caller sends and which deletes
/// itself when closed. Memory stays bounded by one batch whatever the number of rows.</summary>
public sealed class ProposalExcelExport(TongxinDbContext db, ProposalListHandler list)
{
    /// <summary>Rows per database round trip.</summary>
    public const int BatchSize = 5000;

    private static readonly string[] Headers =
        ["政协", "会次", "编号", "案由", "提案者", "提案方式", "类别", "状态", "提交时间", "承办单位", "办理时限", "重点/重要", "答复类别"];

    private static readonly double[] Widths = [16, 14, 11, 50, 20, 8, 14, 10, 17, 36, 12, 10, 9];

    /// <summary>Writes the workbook and returns it as a readable stream positioned at 0; dispose it
    /// (a FileStreamResult does) to delete the temporary file.</summary>
    public async Task<Stream> ExportAsync(ProposalFilter filter, CancellationToken ct = default)
    {
        var file = TempFile();
        try
        {
            var count = await WriteAsync(filter, file, ct);
            db.Audit("导出提案列表", "Proposal", filter.CommitteeId?.ToString() ?? "", "成功", $"{count} 件；{filter.Describe()}");
            await db.SaveChangesAsync(ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes the filtered list to <paramref name="output"/>; returns the number of proposals.</summary>
    public async Task<int> WriteAsync(ProposalFilter filter, Stream output, CancellationToken ct = default)
    {
        var query = await list.QueryAsync(filter, ct);
        using var xlsx = new XlsxStreamWriter(output, "提案列表", Widths);
        xlsx.WriteHeader(Headers);
        // The ids in list order first (16 bytes a row), then the rows in batches by id: one sort of
        // the filtered set instead of an OFFSET query per batch, which re-reads every earlier row.
        var ids = await query.Select(r => r.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            var position = chunk.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            var batch = (await query.Where(r => chunk.Contains(r.Id)).ToListAsync(ct)).OrderBy(r => position[r.Id]).ToList();
            await ProposalListHandler.FillUnitsAsync(db, batch, ct);
            foreach (var r in batch)
            {
                xlsx.WriteRow(
                [
                    r.CommitteeName, r.SessionName, r.Number is null ? "" : r.DisplayNumber, r.Title, r.Proposer, r.Kind.DisplayName(),
                    r.Category, r.Status.DisplayName(),
                    r.SubmittedAt is { } at ? BeijingTime.FromUtc(at).ToString("yyyy-MM-dd HH:mm") : "",
                    r.Units, r.Deadline?.ToString("yyyy-MM-dd") ?? "",
                    r.IsKey ? "重点" : r.IsImportant ? "重要" : "", r.ReplyClass ?? "",
                ]);
            }
        }

        xlsx.Finish();
        return ids.Count;
    }

    /// <summary>A temporary file that deletes itself when closed.</summary>
    internal static FileStream TempFile() =>
        new(Path.Combine(Path.GetTempPath(), $"tongxin-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
