using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Platform.Audit;

/// <summary>The audit admin's filters (查询条件). Dates are Beijing calendar days, both inclusive.</summary>
public sealed record AuditFilter
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? UserName { get; init; }
    public string? Action { get; init; }
    public string? TargetType { get; init; }
    public Guid? CommitteeId { get; init; }
    public string? Result { get; init; }

    public string Describe() => string.Join("，", new[]
    {
        From is null ? null : $"起 {From:yyyy-MM-dd}",
        To is null ? null : $"止 {To:yyyy-MM-dd}",
        Blank(UserName) ? null : $"用户 {UserName}",
        Blank(Action) ? null : $"操作 {Action}",
        Blank(TargetType) ? null : $"对象 {TargetType}",
        CommitteeId is null ? null : $"政协组织 {CommitteeId}",
        Blank(Result) ? null : $"结果 {Result}",
    }.Where(s => s is not null)) is { Length: > 0 } text ? text : "全部";

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
}

/// <summary>One audit row as the audit admin sees it, with the time in Beijing time.</summary>
public sealed record AuditRow(
    long Sequence,
    DateTime Time,
    string UserName,
    string Role,
    Guid? CommitteeId,
    string Action,
    string TargetType,
    string TargetId,
    string Result,
    string Details,
    string Ip)
{
    /// <summary>北京时间.</summary>
    public DateTime LocalTime => BeijingTime.FromUtc(Time);
}

/// <summary>A committee the audit admin may filter by.</summary>
public sealed record AuditCommitteeOption(Guid Id, string Name);

/// <summary>Reading the audit log (审计日志查询、导出、校验). Only the audit admin (审计管理员) may – not
/// the system or security admin (三权分立). An audit admin sees the rows of the committees they may
/// read (their own, plus children that granted their parent read access) and the rows that belong to
/// no committee: anonymous login failures, system jobs and seeding.</summary>
public sealed class AuditLog(TongxinDbContext db, AuditChainVerifier verifier, AuditExcelExport excel)
{
    /// <summary>The most rows one export may hold (an Excel sheet holds 1,048,576).</summary>
    public const int MaxExportRows = 1_000_000;

    private static readonly Expression<Func<AuditEntry, AuditRow>> ToRow = a =>
        new AuditRow(a.Sequence, a.Time, a.UserName, a.Role, a.CommitteeId, a.Action, a.TargetType, a.TargetId, a.Result, a.Details, a.Ip);

    public async Task<PagedList<AuditRow>> SearchAsync(AuditFilter filter, int page, int pageSize = 50, CancellationToken ct = default)
    {
        var query = Visible(filter);
        return await query.OrderByDescending(a => a.Sequence).Select(ToRow).ToPagedListAsync(page, pageSize, ct);
    }

    /// <summary>Committees whose names the page shows and offers as a filter.</summary>
    public async Task<List<AuditCommitteeOption>> CommitteesAsync(CancellationToken ct = default)
    {
        RequireAuditAdmin();
        var readable = db.Actor.ReadableCommitteeIds.ToList();
        return await db.Committees.AsNoTracking().Where(c => readable.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new AuditCommitteeOption(c.Id, c.Name)).ToListAsync(ct);
    }

    /// <summary>Writes the filtered rows, newest first, to an Excel file, and records the export
    /// in the audit log itself.</summary>
    public async Task<AuditExportFile> ExportAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var query = Visible(filter);
        var count = await query.CountAsync(ct);
        if (count > MaxExportRows)
        {
            throw new ValidationFailedException("", $"符合条件的记录有 {count} 条，超过单次导出上限 {MaxExportRows} 条，请缩小时间范围后再导出。");
        }

        var names = (await CommitteesAsync(ct)).ToDictionary(c => c.Id, c => c.Name);
        var rows = query.OrderByDescending(a => a.Sequence).Select(ToRow).AsAsyncEnumerable();
        var file = await excel.WriteAsync(rows, names, ct);
        db.Audit("导出审计日志", nameof(AuditEntry), "", "成功", $"{file.Rows} 条；条件：{filter.Describe()}");
        await db.SaveChangesAsync(ct);
        var now = BeijingTime.FromUtc(db.Time.GetUtcNow().UtcDateTime);
        return file with { FileName = $"审计日志_{now:yyyyMMdd_HHmmss}.xlsx" };
    }

    /// <summary>Runs the chain verification for the audit admin and records that it was run and what it found.</summary>
    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct = default)
    {
        RequireAuditAdmin();
        var report = await verifier.VerifyAsync(ct);
        db.Audit("校验审计日志", nameof(AuditEntry), report.BrokenSequence?.ToString() ?? "", report.Intact ? "成功" : "失败：发现篡改", report.Message);
        await db.SaveChangesAsync(ct);
        return report;
    }

    private IQueryable<AuditEntry> Visible(AuditFilter filter)
    {
        RequireAuditAdmin();
        new Validation()
            .Require(filter.From is null || filter.To is null || filter.From <= filter.To, "To", "结束日期不能早于开始日期。")
            .ThrowIfInvalid();
        // AuditEntry is not committee-owned (no global filter): the scope is applied here, explicitly.
        var readable = db.Actor.ReadableCommitteeIds.ToList();
        var query = db.AuditEntries.AsNoTracking()
            .Where(a => a.CommitteeId == null || readable.Contains(a.CommitteeId.Value));
        if (filter.From is { } from)
        {
            var start = BeijingTime.StartOfDayUtc(from);
            query = query.Where(a => a.Time >= start);
        }

        if (filter.To is { } to)
        {
            var end = BeijingTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.Time < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var user = filter.UserName.Trim();
            query = query.Where(a => a.UserName.Contains(user));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(a => a.Action.Contains(action));
        }

        if (!string.IsNullOrWhiteSpace(filter.TargetType))
        {
            var type = filter.TargetType.Trim();
            query = query.Where(a => a.TargetType.Contains(type));
        }

        if (filter.CommitteeId is { } committeeId)
        {
            query = query.Where(a => a.CommitteeId == committeeId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Result))
        {
            // Results are "成功", "失败：原因", "拒绝：原因": the filter matches the kind.
            var result = filter.Result.Trim();
            query = query.Where(a => a.Result.StartsWith(result));
        }

        return query;
    }

    private void RequireAuditAdmin()
    {
        if (!db.Actor.IsInRole(Roles.AuditAdmin))
        {
            throw new ForbiddenException("只有审计管理员可以查看审计日志。");
        }
    }
}
