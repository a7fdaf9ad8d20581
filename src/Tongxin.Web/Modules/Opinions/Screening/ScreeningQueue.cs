using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Opinions.Search;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Screening;

/// <summary>The queue's filters, bound from the query string. <see cref="Status"/>: empty = 待筛选
/// (the default), <c>all</c> = every status but drafts, else a status name.</summary>
public sealed class ScreeningFilter
{
    public const string AllStatuses = "all";

    public string? Status { get; set; }

    public int? Year { get; set; }

    public string? Category { get; set; }

    public OpinionSubmitterKind? Kind { get; set; }

    public bool? Urgent { get; set; }

    /// <summary>Words searched in title, text and submitter (the report index).</summary>
    public string? Q { get; set; }

    /// <summary>The statuses shown: null = every status but drafts.</summary>
    public OpinionStatus? StatusValue =>
        string.IsNullOrWhiteSpace(Status) ? OpinionStatus.Submitted
        : Status == AllStatuses ? null
        : Enum.TryParse<OpinionStatus>(Status, ignoreCase: true, out var s) && Enum.IsDefined(s) && s != OpinionStatus.Draft ? s
        : OpinionStatus.Submitted;

    public bool HasText => !string.IsNullOrWhiteSpace(Q);

    /// <summary>One line for the audit entry of an export.</summary>
    public string Describe() =>
        string.Join("；", new[]
        {
            $"状态：{StatusValue?.DisplayName() ?? "全部"}",
            Year is { } y ? $"年度：{y}" : null,
            string.IsNullOrWhiteSpace(Category) ? null : $"类别：{Category}",
            Kind is { } k ? $"报送主体：{k.DisplayName()}" : null,
            Urgent is { } u ? (u ? "急报" : "非急报") : null,
            HasText ? $"检索：{Q}" : null,
        }.Where(x => x is not null));
}

/// <summary>One row of the screening queue.</summary>
public sealed record ScreeningRow(
    Guid Id,
    int Year,
    int? SerialNo,
    string Title,
    string Category,
    OpinionSubmitterKind Kind,
    string SubmitterName,
    bool IsUrgent,
    OpinionStatus Status,
    DateTime? SubmittedAt)
{
    public string DisplaySerial => SerialNo is { } n ? $"{Year}-{n:D4}" : "";
}

/// <summary>筛选队列 – the own committee's reports for the information staff: urgent first, then the
/// oldest submitted, paged with the total. Without words it is one indexed range query
/// (committee, status, submitted); with words the report index finds and orders the page and the
/// rows are read by id.</summary>
public sealed class ScreeningQueue(TongxinDbContext db, OpinionAccess access, IActorAccessor actors, OpinionIndex index)
{
    public const int PageSize = 20;

    private static readonly OpinionStatus[] NonDraft = [.. Enum.GetValues<OpinionStatus>().Where(s => s != OpinionStatus.Draft)];

    public async Task<PagedList<ScreeningRow>> ListAsync(ScreeningFilter filter, int page, CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        if (!filter.HasText)
        {
            return await Sorted(Filtered(committeeId, filter)).Select(Row).ToPagedListAsync(page, PageSize, ct);
        }

        var found = OpinionSearchEngine.Search(index, filter.Q, SearchFilter(committeeId, filter),
            SearchVisibilityForQueue(), OpinionSearchOrder.Queue, page, PageSize);
        var ids = found.Items.Select(h => h.Id).ToList();
        var rows = await db.OpinionReports.AsNoTracking().Where(r => r.CommitteeId == committeeId && ids.Contains(r.Id))
            .Select(Row).ToDictionaryAsync(r => r.Id, ct);
        // The database is the truth for what a row shows; a report changed a moment ago and not yet
        // re-indexed shows its current state.
        return new PagedList<ScreeningRow>([.. ids.Where(rows.ContainsKey).Select(id => rows[id])], found.Page, found.PageSize, found.Total);
    }

    /// <summary>The filtered list as .xlsx, streamed into a temporary file that deletes itself when
    /// the response closes it; one row in memory at a time.</summary>
    public async Task<Stream> ExportAsync(ScreeningFilter filter, CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        var file = XlsxStreamWriter.TempFile();
        try
        {
            var count = await WriteAsync(committeeId, filter, file, ct);
            db.Audit("导出社情民意筛选列表", "OpinionReport", committeeId.ToString(), "成功", $"{count} 条；{filter.Describe()}");
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

    public const string ExportName = "社情民意筛选列表.xlsx";

    private static readonly string[] Headers = ["收稿编号", "标题", "类别", "报送主体", "报送人", "急报", "状态", "报送时间"];

    private static readonly double[] Widths = [12, 50, 12, 12, 20, 6, 12, 17];

    private static readonly Dictionary<OpinionSubmitterKind, string> KindNames = Enum.GetValues<OpinionSubmitterKind>().ToDictionary(k => k, k => k.DisplayName());

    private static readonly Dictionary<OpinionStatus, string> StatusNames = Enum.GetValues<OpinionStatus>().ToDictionary(s => s, s => s.DisplayName());

    private async Task<int> WriteAsync(Guid committeeId, ScreeningFilter filter, Stream output, CancellationToken ct)
    {
        using var xlsx = new XlsxStreamWriter(output, "社情民意筛选", Widths);
        xlsx.WriteHeader(Headers);
        var cells = new object?[Headers.Length];
        var count = 0;
        if (filter.HasText)
        {
            // The index gives every match in queue order; the rows are read in batches of ids.
            var ids = OpinionSearchEngine.AllIds(index, filter.Q, SearchFilter(committeeId, filter), SearchVisibilityForQueue());
            foreach (var chunk in ids.Chunk(1000))
            {
                var rows = await db.OpinionReports.AsNoTracking().Where(r => r.CommitteeId == committeeId && chunk.Contains(r.Id))
                    .Select(Row).ToDictionaryAsync(r => r.Id, ct);
                foreach (var id in chunk)
                {
                    if (rows.TryGetValue(id, out var row))
                    {
                        Write(row);
                    }
                }
            }
        }
        else
        {
            await foreach (var row in Sorted(Filtered(committeeId, filter)).Select(Row).AsAsyncEnumerable().WithCancellation(ct))
            {
                Write(row);
            }
        }

        xlsx.Finish();
        return count;

        void Write(ScreeningRow r)
        {
            count++;
            cells[0] = r.DisplaySerial;
            cells[1] = r.Title;
            cells[2] = r.Category;
            cells[3] = KindNames[r.Kind];
            cells[4] = r.SubmitterName;
            cells[5] = r.IsUrgent ? "急" : "";
            cells[6] = StatusNames[r.Status];
            cells[7] = r.SubmittedAt is { } at ? BeijingTime.FromUtc(at).ToString("yyyy-MM-dd HH:mm") : "";
            xlsx.WriteRow(cells);
        }
    }

    private Guid OwnCommittee()
    {
        access.RequireStaff();
        return actors.Actor.CommitteeId ?? throw new ForbiddenException("账号未归属任何政协组织。");
    }

    private IQueryable<OpinionReport> Filtered(Guid committeeId, ScreeningFilter f)
    {
        var q = db.OpinionReports.AsNoTracking().Where(r => r.CommitteeId == committeeId);
        q = f.StatusValue is { } s ? q.Where(r => r.Status == s) : q.Where(r => r.Status != OpinionStatus.Draft);
        if (f.Year is { } y)
        {
            q = q.Where(r => r.Year == y);
        }

        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            var c = f.Category.Trim();
            q = q.Where(r => r.Category == c);
        }

        if (f.Kind is { } k)
        {
            q = q.Where(r => r.SubmitterKind == k);
        }

        if (f.Urgent is { } u)
        {
            q = q.Where(r => r.IsUrgent == u);
        }

        return q;
    }

    private static IQueryable<OpinionReport> Sorted(IQueryable<OpinionReport> q) =>
        q.OrderByDescending(r => r.IsUrgent).ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id);

    private static OpinionSearchFilter SearchFilter(Guid committeeId, ScreeningFilter f) => new(
        committeeId,
        f.StatusValue is { } s ? [s] : NonDraft,
        f.Year,
        f.Category,
        f.Kind,
        f.Urgent);

    /// <summary>The queue is the own committee's, which staff may always read; the committee filter does the rest.</summary>
    private static Lucene.Net.Search.Filter SearchVisibilityForQueue() =>
        new Lucene.Net.Search.QueryWrapperFilter(new Lucene.Net.Search.MatchAllDocsQuery());

    private static readonly System.Linq.Expressions.Expression<Func<OpinionReport, ScreeningRow>> Row = r => new ScreeningRow(
        r.Id, r.Year, r.SerialNo, r.Title, r.Category, r.SubmitterKind, r.SubmitterName, r.IsUrgent, r.Status, r.SubmittedAt);
}
