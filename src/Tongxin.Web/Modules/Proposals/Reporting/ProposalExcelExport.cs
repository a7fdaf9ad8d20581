using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
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

/// <summary>提案列表导出 – the filtered staff list as .xlsx, streamed: one query reads the proposals
/// in list order joined with their active units (a proposal with two units comes as two consecutive
/// rows), committee and session names come from dictionaries loaded once, and
/// <see cref="XlsxStreamWriter"/> writes into a temporary file, which the caller sends and which
/// deletes itself when closed. Memory stays bounded by one row whatever the number of rows.</summary>
public sealed class ProposalExcelExport(TongxinDbContext db, ProposalListHandler list, IActorAccessor actors)
{
    private static readonly string[] Headers =
        ["政协", "会次", "编号", "案由", "提案者", "提案方式", "类别", "状态", "提交时间", "承办单位", "办理时限", "重点/重要", "答复类别"];

    private static readonly double[] Widths = [16, 14, 11, 50, 20, 8, 14, 10, 17, 36, 12, 10, 9];

    // DisplayName() reflects over the enum's attributes; once per value, not per row.
    private static readonly Dictionary<ProposerKind, string> KindNames = Enum.GetValues<ProposerKind>().ToDictionary(k => k, k => k.DisplayName());
    private static readonly Dictionary<ProposalStatus, string> StatusNames = Enum.GetValues<ProposalStatus>().ToDictionary(s => s, s => s.DisplayName());

    /// <summary>Writes the workbook and returns it as a readable stream positioned at 0; dispose it
    /// (a FileStreamResult does) to delete the temporary file.</summary>
    public async Task<Stream> ExportAsync(ProposalFilter filter, CancellationToken ct = default)
    {
        var file = XlsxStreamWriter.TempFile();
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
        var proposals = await list.FilterAsync(filter, ct);
        // A few hundred names at most (the readable committees and their sessions; sessions are
        // tenant-filtered), instead of two subqueries per row.
        var readable = actors.Actor.ReadableCommitteeIds.ToList();
        var committees = await db.Committees.AsNoTracking().Where(c => readable.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var sessions = await db.Sessions.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        var rows =
            from p in proposals
            from a in db.ProposalAssignments.Where(a => a.ProposalId == p.Id && a.Status != AssignmentStatus.Returned).DefaultIfEmpty()
            select new ExportRow
            {
                Id = p.Id,
                CommitteeId = p.CommitteeId,
                SessionId = p.SessionId,
                Number = p.Number,
                Title = p.Title,
                Category = p.Category,
                Kind = p.Kind,
                LeadMemberName = p.LeadMemberName,
                GroupName = p.GroupName,
                Status = p.Status,
                SubmittedAt = p.SubmittedAt,
                Deadline = p.Deadline,
                IsKey = p.IsKey,
                IsImportant = p.IsImportant,
                ReplyClass = p.ReplyClass,
                UnitName = a == null ? null : a.HandlingUnitName,
                UnitRole = a == null ? null : a.Role,
            };

        using var xlsx = new XlsxStreamWriter(output, "提案列表", Widths);
        xlsx.WriteHeader(Headers);
        var cells = new object?[Headers.Length];
        var units = new List<string>();
        ExportRow? current = null;
        var count = 0;
        await foreach (var row in InListOrder(rows, filter.Sort).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (current is not null && row.Id != current.Id)
            {
                Write(current);
            }

            if (current is null || row.Id != current.Id)
            {
                current = row;
                units.Clear();
            }

            if (row.UnitName is { } name)
            {
                var unit = row.UnitRole == AssignmentRole.Co ? $"{name}（协办）" : name;
                if (!units.Contains(unit))
                {
                    units.Add(unit);
                }
            }
        }

        if (current is not null)
        {
            Write(current);
        }

        xlsx.Finish();
        return count;

        void Write(ExportRow r)
        {
            count++;
            cells[0] = committees.GetValueOrDefault(r.CommitteeId, "");
            cells[1] = sessions.GetValueOrDefault(r.SessionId, "");
            cells[2] = r.Number is { } n ? $"第{n:D4}号" : "";
            cells[3] = r.Title;
            cells[4] = r.GroupName is { Length: > 0 } ? $"{r.GroupName}（{r.LeadMemberName}）" : r.LeadMemberName;
            cells[5] = KindNames[r.Kind];
            cells[6] = r.Category;
            cells[7] = StatusNames[r.Status];
            cells[8] = r.SubmittedAt is { } at ? BeijingTime.FromUtc(at).ToString("yyyy-MM-dd HH:mm") : "";
            cells[9] = units.Count switch { 0 => "", 1 => units[0], _ => string.Join("、", units) };
            cells[10] = r.Deadline?.ToString("yyyy-MM-dd") ?? "";
            cells[11] = r.IsKey ? "重点" : r.IsImportant ? "重要" : "";
            cells[12] = r.ReplyClass ?? "";
            xlsx.WriteRow(cells);
        }
    }

    /// <summary>The list's order (<see cref="ProposalListHandler.Sorted"/>), then each proposal's units
    /// as the list shows them (main units first, by name), so that a proposal's rows are consecutive.</summary>
    private static IQueryable<ExportRow> InListOrder(IQueryable<ExportRow> rows, ProposalSort? sort) =>
        ProposalListHandler.Sorted(rows, sort).ThenBy(r => r.UnitRole).ThenBy(r => r.UnitName);

    /// <summary>One proposal joined with one of its active units (none: null unit).</summary>
    private sealed class ExportRow : IProposalListOrder
    {
        public Guid Id { get; init; }
        public Guid CommitteeId { get; init; }
        public Guid SessionId { get; init; }
        public int? Number { get; init; }
        public string Title { get; init; } = "";
        public string Category { get; init; } = "";
        public ProposerKind Kind { get; init; }
        public string LeadMemberName { get; init; } = "";
        public string? GroupName { get; init; }
        public ProposalStatus Status { get; init; }
        public DateTime? SubmittedAt { get; init; }
        public DateOnly? Deadline { get; init; }
        public bool IsKey { get; init; }
        public bool IsImportant { get; init; }
        public string? ReplyClass { get; init; }
        public string? UnitName { get; init; }
        public AssignmentRole? UnitRole { get; init; }
    }
}
