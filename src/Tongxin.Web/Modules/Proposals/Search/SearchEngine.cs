using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Tongxin.Platform.Web;
using F = Tongxin.Modules.Proposals.Search.ProposalIndex.F;

namespace Tongxin.Modules.Proposals.Search;

/// <summary>Filters for the search (all optional; combined with AND).</summary>
public sealed record ProposalSearchFilter(
    Guid? CommitteeId = null,
    Guid? SessionId = null,
    int? Year = null,
    ProposalStatus? Status = null,
    string? Category = null);

/// <summary>One search result. <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are
/// HTML-encoded with the matches in <c>&lt;mark&gt;</c>: render them raw.</summary>
public sealed record ProposalSearchHit(
    Guid Id,
    Guid CommitteeId,
    Guid SessionId,
    int? Number,
    string Title,
    string TitleHtml,
    string SnippetHtml,
    bool MatchedInReply,
    string LeadName,
    ProposalStatus Status,
    string Category,
    int Year,
    float Score)
{
    public string DisplayNumber => Number is { } n ? $"第{n:D4}号" : "未编号";
}

/// <summary>Who may see which documents, as Lucene filters over the stored committee, status,
/// publication flag and id.</summary>
public static class SearchVisibility
{
    /// <summary>Filed or later, with the proposer's consent to publication.</summary>
    public static Filter Public() => All(
        Terms(F.Publish, ["1"]),
        Terms(F.Status, ProposalIndex.PublicStatuses.Select(ProposalIndex.StatusTerm)));

    /// <summary>Every proposal of these committees in these statuses.</summary>
    public static Filter Committees(IEnumerable<Guid> committeeIds, IEnumerable<ProposalStatus> statuses) => All(
        Terms(F.Committee, committeeIds.Select(c => c.ToString())),
        Terms(F.Status, statuses.Select(ProposalIndex.StatusTerm)));

    /// <summary>Exactly these proposals.</summary>
    public static Filter Ids(IEnumerable<Guid> ids) => Terms(F.Id, ids.Select(i => i.ToString()));

    public static Filter Nothing() => new QueryWrapperFilter(new BooleanQuery());

    public static Filter Any(params Filter[] filters)
    {
        var any = new BooleanFilter();
        foreach (var f in filters)
        {
            any.Add(new FilterClause(f, Occur.SHOULD));
        }

        return any;
    }

    public static Filter All(params Filter[] filters)
    {
        var all = new BooleanFilter();
        foreach (var f in filters)
        {
            all.Add(new FilterClause(f, Occur.MUST));
        }

        return all;
    }

    public static Filter Terms(string field, IEnumerable<string> values)
    {
        var terms = values.Distinct().Select(v => new Term(field, v)).ToList();
        return terms.Count == 0 ? Nothing() : new TermsFilter(terms);
    }
}

/// <summary>全文检索 over the index: title, body, reply text and lead proposer, with filters,
/// highlighting and pagination. Knows nothing of actors: callers pass the visibility filter.</summary>
public static class SearchEngine
{
    public const int MaxPage = 500;

    private static readonly (string Field, float Boost)[] SearchFields =
        [(F.Title, 3f), (F.Body, 1f), (F.Reply, 1f), (F.LeadText, 2f)];

    public static PagedList<ProposalSearchHit> Search(
        ProposalIndex index, string? text, ProposalSearchFilter filter, Filter visibility, int page, int pageSize = Paging.DefaultPageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, Paging.MaxPageSize);
        page = Math.Clamp(page, 1, MaxPage);
        var words = SearchHighlighter.Words(text);
        var query = TextQuery(index.Analyzer, words);
        var filters = Filters(filter, visibility);
        return index.Use(searcher =>
        {
            var top = Run(searcher, query, filters, page * pageSize);
            var pageCount = Math.Max(1, (top.TotalHits + pageSize - 1) / pageSize);
            if (page > pageCount)
            {
                page = pageCount;
                top = Run(searcher, query, filters, page * pageSize);
            }

            var hits = top.ScoreDocs.Skip((page - 1) * pageSize)
                .Select(sd => ToHit(searcher, sd, words))
                .ToList();
            return new PagedList<ProposalSearchHit>(hits, page, pageSize, top.TotalHits);
        });
    }

    /// <summary>No words: everything the filters allow, newest first.</summary>
    private static TopDocs Run(IndexSearcher searcher, Query? query, Filter filter, int n) =>
        query is null
            ? searcher.Search(new MatchAllDocsQuery(), filter, n, new Sort(new SortField(F.When, SortFieldType.INT64, reverse: true)))
            : searcher.Search(query, filter, n);

    internal static Query? TextQuery(Analyzer analyzer, IReadOnlyList<string> words) => TextQuery(analyzer, words, SearchFields);

    /// <summary>Every word must match (in any of <paramref name="fields"/>, each with its boost); a
    /// word of several characters matches as a phrase of its bigrams, i.e. literally. Shared with
    /// the other indexes built on <see cref="ChineseAnalysis"/> (社情民意).</summary>
    public static Query? TextQuery(Analyzer analyzer, IReadOnlyList<string> words, IReadOnlyList<(string Field, float Boost)> fields)
    {
        var all = new BooleanQuery();
        foreach (var word in words)
        {
            var tokens = ChineseAnalysis.Tokens(analyzer, word);
            if (tokens.Count == 0)
            {
                continue;
            }

            var any = new BooleanQuery();
            foreach (var (field, boost) in fields)
            {
                var q = tokens.Count == 1 ? Single(field, tokens[0].Term) : Phrase(field, tokens);
                q.Boost = boost;
                any.Add(q, Occur.SHOULD);
            }

            all.Add(any, Occur.MUST);
        }

        return all.Clauses.Count == 0 ? null : all;
    }

    /// <summary>A lone Chinese character is indexed only inside bigrams: match the bigrams it starts too.</summary>
    private static Query Single(string field, string term)
    {
        if (term.Length == 1 && char.IsLetter(term[0]) && term[0] > '\u2e80')
        {
            return new BooleanQuery
            {
                { new TermQuery(new Term(field, term)), Occur.SHOULD },
                { new PrefixQuery(new Term(field, term)), Occur.SHOULD },
            };
        }

        return new TermQuery(new Term(field, term));
    }

    private static PhraseQuery Phrase(string field, List<(string Term, int Position)> tokens)
    {
        var phrase = new PhraseQuery();
        foreach (var (term, position) in tokens)
        {
            phrase.Add(new Term(field, term), position);
        }

        return phrase;
    }

    private static Filter Filters(ProposalSearchFilter f, Filter visibility)
    {
        var all = new List<Filter> { visibility };
        if (f.CommitteeId is { } c)
        {
            all.Add(SearchVisibility.Terms(F.Committee, [c.ToString()]));
        }

        if (f.SessionId is { } s)
        {
            all.Add(SearchVisibility.Terms(F.Session, [s.ToString()]));
        }

        if (f.Year is { } y)
        {
            all.Add(SearchVisibility.Terms(F.Year, [y.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        if (f.Status is { } st)
        {
            all.Add(SearchVisibility.Terms(F.Status, [ProposalIndex.StatusTerm(st)]));
        }

        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            all.Add(SearchVisibility.Terms(F.Category, [f.Category.Trim()]));
        }

        return all.Count == 1 ? visibility : SearchVisibility.All([.. all]);
    }

    private static ProposalSearchHit ToHit(IndexSearcher searcher, ScoreDoc sd, IReadOnlyList<string> words)
    {
        var doc = searcher.Doc(sd.Doc);
        var title = doc.Get(F.Title) ?? "";
        var body = doc.Get(F.Body) ?? "";
        var reply = doc.Get(F.Reply) ?? "";
        var inReply = words.Count > 0 && !SearchHighlighter.Contains(body, words) && SearchHighlighter.Contains(reply, words);
        var number = doc.GetField(F.Number)?.GetInt32Value() ?? 0;
        return new ProposalSearchHit(
            Guid.Parse(doc.Get(F.Id)),
            Guid.Parse(doc.Get(F.Committee)),
            Guid.Parse(doc.Get(F.Session)),
            number == 0 ? null : number,
            title,
            SearchHighlighter.Highlight(title, words),
            SearchHighlighter.Snippet(inReply ? reply : body, words),
            inReply,
            doc.Get(F.Lead) ?? "",
            (ProposalStatus)int.Parse(doc.Get(F.Status), System.Globalization.CultureInfo.InvariantCulture),
            doc.Get(F.Category) ?? "",
            int.Parse(doc.Get(F.Year), System.Globalization.CultureInfo.InvariantCulture),
            float.IsNaN(sd.Score) ? 0 : sd.Score);
    }
}
