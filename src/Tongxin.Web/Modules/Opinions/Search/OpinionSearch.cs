using System.Globalization;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals.Search;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using F = Tongxin.Modules.Opinions.Search.OpinionIndex.F;

namespace Tongxin.Modules.Opinions.Search;

/// <summary>Filters of the report search and the screening queue (all optional; combined with AND).</summary>
public sealed record OpinionSearchFilter(
    Guid? CommitteeId = null,
    IReadOnlyList<OpinionStatus>? Statuses = null,
    int? Year = null,
    string? Category = null,
    OpinionSubmitterKind? Kind = null,
    bool? Urgent = null);

/// <summary>One result. <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are HTML-encoded with
/// the matches in <c>&lt;mark&gt;</c>: render them raw.</summary>
public sealed record OpinionSearchHit(
    Guid Id,
    Guid CommitteeId,
    int Year,
    int? SerialNo,
    string Title,
    string TitleHtml,
    string SnippetHtml,
    string SubmitterName,
    OpinionStatus Status,
    string Category,
    OpinionSubmitterKind Kind,
    bool IsUrgent,
    DateTime When)
{
    public string DisplaySerial => SerialNo is { } n ? $"{Year}-{n:D4}" : "";
}

/// <summary>The order of results.</summary>
public enum OpinionSearchOrder
{
    /// <summary>Best match first (the search page).</summary>
    Relevance,
    /// <summary>Urgent first, then the oldest submitted (the screening queue).</summary>
    Queue,
}

/// <summary>Full-text search over the report index: words, filters, visibility, order, one page.
/// Knows nothing of actors: callers pass the visibility filter.</summary>
public static class OpinionSearchEngine
{
    public const int MaxPage = 500;

    public static PagedList<OpinionSearchHit> Search(
        OpinionIndex index, string? text, OpinionSearchFilter filter, Filter visibility, OpinionSearchOrder order, int page, int pageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, Paging.MaxPageSize);
        page = Math.Clamp(page, 1, MaxPage);
        var words = SearchHighlighter.Words(Trim(text));
        var query = SearchEngine.TextQuery(index.Analyzer, words, OpinionIndex.SearchFields) ?? new MatchAllDocsQuery();
        var filters = Filters(filter, visibility);
        return index.Use(searcher =>
        {
            var top = Run(searcher, query, filters, order, words.Count > 0, page * pageSize);
            var pageCount = Math.Max(1, (top.TotalHits + pageSize - 1) / pageSize);
            if (page > pageCount)
            {
                page = pageCount;
                top = Run(searcher, query, filters, order, words.Count > 0, page * pageSize);
            }

            var hits = top.ScoreDocs.Skip((page - 1) * pageSize).Select(sd => ToHit(searcher, sd, words)).ToList();
            return new PagedList<OpinionSearchHit>(hits, page, pageSize, top.TotalHits);
        });
    }

    /// <summary>Every matching report's id in queue order (for the export), without reading stored text.</summary>
    public static List<Guid> AllIds(OpinionIndex index, string? text, OpinionSearchFilter filter, Filter visibility)
    {
        var words = SearchHighlighter.Words(Trim(text));
        var query = SearchEngine.TextQuery(index.Analyzer, words, OpinionIndex.SearchFields) ?? new MatchAllDocsQuery();
        var filters = Filters(filter, visibility);
        return index.Use(searcher =>
        {
            var count = searcher.Search(query, filters, 1).TotalHits;
            if (count == 0)
            {
                return [];
            }

            var top = searcher.Search(query, filters, count, QueueSort);
            var fields = new HashSet<string> { F.Id };
            return top.ScoreDocs.Select(sd => Guid.Parse(searcher.Doc(sd.Doc, fields).Get(F.Id))).ToList();
        });
    }

    internal static string? Trim(string? text) => text is { Length: > 200 } ? text[..200] : text;

    private static readonly Sort QueueSort = new(
        new SortField(F.Urgent, SortFieldType.INT32, reverse: true),
        new SortField(F.When, SortFieldType.INT64));

    private static readonly Sort Newest = new(new SortField(F.When, SortFieldType.INT64, reverse: true));

    private static TopDocs Run(IndexSearcher searcher, Query query, Filter filter, OpinionSearchOrder order, bool hasWords, int n) =>
        order == OpinionSearchOrder.Queue ? searcher.Search(query, filter, n, QueueSort)
        : hasWords ? searcher.Search(query, filter, n)
        : searcher.Search(query, filter, n, Newest);

    private static Filter Filters(OpinionSearchFilter f, Filter visibility)
    {
        var all = new List<Filter> { visibility };
        if (f.CommitteeId is { } c)
        {
            all.Add(SearchVisibility.Terms(F.Committee, [c.ToString()]));
        }

        if (f.Statuses is { } statuses)
        {
            all.Add(SearchVisibility.Terms(F.Status, statuses.Select(OpinionIndex.StatusTerm)));
        }

        if (f.Year is { } y)
        {
            all.Add(SearchVisibility.Terms(F.Year, [y.ToString(CultureInfo.InvariantCulture)]));
        }

        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            all.Add(SearchVisibility.Terms(F.Category, [f.Category.Trim()]));
        }

        if (f.Kind is { } k)
        {
            all.Add(SearchVisibility.Terms(F.Kind, [OpinionIndex.KindTerm(k)]));
        }

        if (f.Urgent is { } u)
        {
            all.Add(SearchVisibility.Terms(F.Urgent, [u ? "1" : "0"]));
        }

        return all.Count == 1 ? visibility : SearchVisibility.All([.. all]);
    }

    private static OpinionSearchHit ToHit(IndexSearcher searcher, ScoreDoc sd, IReadOnlyList<string> words)
    {
        var doc = searcher.Doc(sd.Doc);
        var title = doc.Get(F.Title) ?? "";
        var body = doc.Get(F.Body) ?? "";
        var serial = doc.GetField(F.Serial)?.GetInt32Value() ?? 0;
        return new OpinionSearchHit(
            Guid.Parse(doc.Get(F.Id)),
            Guid.Parse(doc.Get(F.Committee)),
            int.Parse(doc.Get(F.Year), CultureInfo.InvariantCulture),
            serial == 0 ? null : serial,
            title,
            SearchHighlighter.Highlight(title, words),
            SearchHighlighter.Snippet(body, words),
            doc.Get(F.Submitter) ?? "",
            (OpinionStatus)int.Parse(doc.Get(F.Status), CultureInfo.InvariantCulture),
            doc.Get(F.Category) ?? "",
            (OpinionSubmitterKind)int.Parse(doc.Get(F.Kind), CultureInfo.InvariantCulture),
            doc.Get(F.Urgent) == "1",
            new DateTime(doc.GetField(F.When)?.GetInt64Value() ?? 0, DateTimeKind.Utc));
    }
}

/// <summary>社情民意检索 – full-text search over the reports the signed-in actor may read
/// (<see cref="OpinionAccess"/>'s rules as an index filter): staff every non-draft report of their
/// readable committees, leaders 采用 and later of their own, members exactly their own reports.</summary>
public sealed class OpinionSearch(OpinionIndex index, OpinionAccess access, IActorAccessor actors)
{
    private static readonly OpinionStatus[] NonDraft = [.. Enum.GetValues<OpinionStatus>().Where(s => s != OpinionStatus.Draft)];

    private static readonly OpinionStatus[] LeaderStatuses = [OpinionStatus.Adopted, OpinionStatus.SignedOff, OpinionStatus.Published];

    public async Task<PagedList<OpinionSearchHit>> SearchAsync(
        string? text, OpinionSearchFilter filter, int page, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        var visibility = await ReadableAsync(ct);
        return OpinionSearchEngine.Search(index, text, filter, visibility, OpinionSearchOrder.Relevance, page, pageSize);
    }

    /// <summary>The actor's reading rules as a filter over the stored committee, status and id.</summary>
    public async Task<Filter> ReadableAsync(CancellationToken ct)
    {
        var a = actors.Actor;
        if (a.IsSystem)
        {
            return new QueryWrapperFilter(new MatchAllDocsQuery());
        }

        if (OpinionAccess.IsOpinionStaff(a))
        {
            return Committees(a.ReadableCommitteeIds, NonDraft);
        }

        if (OpinionAccess.IsLeader(a) && a.CommitteeId is { } own)
        {
            return Committees([own], LeaderStatuses);
        }

        if (OpinionAccess.IsMember(a))
        {
            return SearchVisibility.Terms(F.Id, (await access.Readable().Select(r => r.Id).ToListAsync(ct)).Select(i => i.ToString()));
        }

        return SearchVisibility.Nothing();
    }

    private static Filter Committees(IEnumerable<Guid> committeeIds, IEnumerable<OpinionStatus> statuses) => SearchVisibility.All(
        SearchVisibility.Terms(F.Committee, committeeIds.Select(c => c.ToString())),
        SearchVisibility.Terms(F.Status, statuses.Select(OpinionIndex.StatusTerm)));
}
