using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Topics;

/// <summary>码上征题管理查询条件.</summary>
public sealed record TopicFilter(int? Year = null, TopicSuggestionStatus? Status = null, string? Q = null, TopicSort Sort = TopicSort.Newest);

/// <summary>One suggestion in the staff list; the phone is masked (shown in full on request, audited).</summary>
public sealed record TopicRow(
    Guid Id, int Year, string Title, string Description, string? SubmitterName, string? MaskedPhone,
    TopicSuggestionStatus Status, string? MatchedWords, int SupportCount, DateTime CreatedAt, int Version);

/// <summary>码上征题管理 – 公众渠道 staff of the committee list the suggestions with their support
/// counts, publish those held for a sensitive word, hide unsuitable ones, and export the list.</summary>
public sealed class TopicModeration(TongxinDbContext db, IActorAccessor actors)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ExportName = "码上征题.xlsx";

    private static readonly string[] Headers = ["年度", "题目", "说明", "附议数", "状态", "提交时间", "建议人", "联系电话", "命中敏感词"];
    private static readonly double[] Widths = [8, 40, 60, 8, 12, 17, 12, 14, 16];

    public Guid RequireStaffCommittee()
    {
        var a = actors.Actor;
        if (!PointsAccess.IsPublicStaff(a) || a.CommitteeId is not { } committeeId)
        {
            throw new ForbiddenException("只有具有公众渠道管理权限的工作人员可以管理码上征题。");
        }

        return committeeId;
    }

    public async Task<PagedList<TopicRow>> ListAsync(TopicFilter filter, int page, CancellationToken ct = default)
    {
        var rows = await Query(filter)
            .Select(t => new TopicRow(t.Id, t.Year, t.Title, t.Description, t.SubmitterName, t.Phone, t.Status, t.MatchedWords, t.SupportCount, t.CreatedAt, t.Version))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        return rows with { Items = [.. rows.Items.Select(r => r with { MaskedPhone = StudioMessages.Mask(r.MaskedPhone) })] };
    }

    /// <summary>Counts per status for the filter's year, for the tabs.</summary>
    public async Task<IReadOnlyDictionary<TopicSuggestionStatus, int>> CountsAsync(int year, CancellationToken ct = default)
    {
        var committeeId = RequireStaffCommittee();
        var counts = await db.TopicSuggestions.AsNoTracking().Where(t => t.CommitteeId == committeeId && t.Year == year)
            .GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    /// <summary>The full phone number of one suggestion; the access is recorded in the audit log.</summary>
    public async Task<string> PhoneAsync(Guid id, CancellationToken ct = default)
    {
        var t = await LoadAsync(id, ct);
        db.Audit("查看联系电话", nameof(TopicSuggestion), id.ToString(), "成功", "码上征题");
        await db.SaveChangesAsync(ct);
        return t.Phone ?? "";
    }

    /// <summary>公开 – a suggestion held for moderation or hidden becomes visible to the public.</summary>
    public Task PublishAsync(Guid id, int version, CancellationToken ct = default) =>
        MoveAsync(id, version, TopicSuggestionStatus.Published, s => s is TopicSuggestionStatus.PendingModeration or TopicSuggestionStatus.Hidden, "公开", ct);

    /// <summary>屏蔽 – taken off the public list (its supports stay counted).</summary>
    public Task HideAsync(Guid id, int version, CancellationToken ct = default) =>
        MoveAsync(id, version, TopicSuggestionStatus.Hidden, s => s is TopicSuggestionStatus.PendingModeration or TopicSuggestionStatus.Published, "屏蔽", ct);

    /// <summary>The filtered list as .xlsx in a self-deleting temporary file, written row by row; the export is audited.</summary>
    public async Task<Stream> ExportAsync(TopicFilter filter, CancellationToken ct = default)
    {
        var query = Query(filter).Select(t => new { t.Year, t.Title, t.Description, t.SupportCount, t.Status, t.CreatedAt, t.SubmitterName, t.Phone, t.MatchedWords });
        return await XlsxStreamWriter.ExportAsync(
            query.AsAsyncEnumerable(),
            "码上征题",
            Widths,
            Headers,
            t => [t.Year, t.Title, t.Description, t.SupportCount, t.Status.DisplayName(),
                BeijingTime.FromUtc(t.CreatedAt).ToString("yyyy-MM-dd HH:mm"), t.SubmitterName ?? "", StudioMessages.Mask(t.Phone) ?? "", t.MatchedWords ?? ""],
            async count =>
            {
                db.Audit("导出码上征题", nameof(TopicSuggestion), filter.Year?.ToString() ?? "", "成功", $"{count} 条");
                await db.SaveChangesAsync(ct);
            },
            ct);
    }

    private IQueryable<TopicSuggestion> Query(TopicFilter filter)
    {
        var committeeId = RequireStaffCommittee();
        var q = db.TopicSuggestions.AsNoTracking().Where(t => t.CommitteeId == committeeId);
        if (filter.Year is { } year)
        {
            q = q.Where(t => t.Year == year);
        }

        if (filter.Status is { } status)
        {
            q = q.Where(t => t.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim();
            q = q.Where(t => t.Title.Contains(text) || t.Description.Contains(text));
        }

        return filter.Sort == TopicSort.Support
            ? q.OrderByDescending(t => t.SupportCount).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            : q.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id);
    }

    private async Task<TopicSuggestion> LoadAsync(Guid id, CancellationToken ct)
    {
        var committeeId = RequireStaffCommittee();
        var t = await db.TopicSuggestions.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("征题建议");
        if (t.CommitteeId != committeeId)
        {
            throw new ForbiddenException("只能管理本级政协的码上征题。");
        }

        return t;
    }

    private async Task MoveAsync(Guid id, int version, TopicSuggestionStatus to, Func<TopicSuggestionStatus, bool> allowed, string action, CancellationToken ct)
    {
        var t = await LoadAsync(id, ct);
        db.ExpectVersion(t, version);
        if (!allowed(t.Status))
        {
            throw new ConflictException($"该建议当前状态为“{t.Status.DisplayName()}”，不能{action}。");
        }

        t.Status = to;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException();
        }
    }
}
