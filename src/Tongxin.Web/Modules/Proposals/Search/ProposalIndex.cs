using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using Tongxin.Platform;
using Tongxin.Platform.Search;

namespace Tongxin.Modules.Proposals.Search;

/// <summary>The "Tongxin:Search" configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Tongxin:Search";

    /// <summary>Folder of the Lucene index. Empty: <c>search-index</c> under the data directory
    /// (so every test app, which has its own data directory, has its own index).</summary>
    public string IndexPath { get; set; } = "";
}

/// <summary>What the index knows of one proposal: the searchable text and the fields results are
/// filtered on and shown with.</summary>
public sealed record ProposalIndexEntry(
    Guid Id,
    Guid CommitteeId,
    Guid SessionId,
    int Year,
    ProposalStatus Status,
    string Category,
    bool MayPublish,
    int? Number,
    string Title,
    string Situation,
    string Suggestions,
    string LeadName,
    string ReplyText,
    DateTime When)
{
    public string Body => string.IsNullOrEmpty(Suggestions) ? Situation : Situation + "\n" + Suggestions;
}

/// <summary>提案索引 – the Lucene index of proposals: one writer for the app's lifetime and
/// near-real-time searchers that see a change as soon as it is written. Thread-safe.</summary>
public sealed class ProposalIndex : IDisposable
{
    internal static class F
    {
        public const string Id = LuceneStore.IdField;
        public const string Committee = "committee";
        public const string Session = "session";
        public const string Year = "year";
        public const string Status = "status";
        public const string Category = "category";
        public const string Publish = "publish";
        public const string Number = "number";
        public const string Lead = "lead";
        public const string LeadText = "leadtext";
        public const string Title = "title";
        public const string Body = "body";
        public const string Reply = "reply";
        public const string Similar = "sim";
        public const string When = "when";
    }

    /// <summary>Filed or later: what the public may see when the proposer agreed to publication.</summary>
    public static readonly ProposalStatus[] PublicStatuses =
        [ProposalStatus.Filed, ProposalStatus.Handling, ProposalStatus.AwaitingRating, ProposalStatus.Completed];

    /// <summary>Submitted and later, except withdrawn: what similarity compares a text with.</summary>
    public static readonly ProposalStatus[] SimilarStatuses =
        [.. Enum.GetValues<ProposalStatus>().Where(s => s is not (ProposalStatus.Draft or ProposalStatus.Withdrawn))];

    private readonly LuceneStore store;

    public ProposalIndex(IOptions<SearchOptions> search, IOptions<TongxinOptions> tongxin, IWebHostEnvironment env)
        : this(FSDirectory.Open(new DirectoryInfo(ResolvePath(search.Value, tongxin.Value, env.ContentRootPath))))
    {
    }

    /// <summary>An index over any Lucene directory (the benchmark and the evaluation use a private one).</summary>
    public ProposalIndex(Lucene.Net.Store.Directory directory)
    {
        Analyzer = ChineseAnalysis.CreateAnalyzer();
        SimilarityAnalyzer = ChineseAnalysis.CreateSimilarityAnalyzer();
        var perField = new PerFieldAnalyzerWrapper(Analyzer, new Dictionary<string, Analyzer> { [F.Similar] = SimilarityAnalyzer });
        store = new LuceneStore(directory, perField, ChineseAnalysis.Version);
    }

    /// <summary>Bigrams: the searchable fields and the search words.</summary>
    public Analyzer Analyzer { get; }

    /// <summary>Characters and bigrams: the similarity field and the text compared with it.</summary>
    public Analyzer SimilarityAnalyzer { get; }

    public static string ResolvePath(SearchOptions search, TongxinOptions tongxin, string contentRoot) =>
        string.IsNullOrWhiteSpace(search.IndexPath)
            ? Path.Combine(contentRoot, tongxin.DataDirectory, "search-index")
            : Path.Combine(contentRoot, search.IndexPath);

    /// <summary>Documents in the index now.</summary>
    public int Count => store.Count;

    /// <summary>Adds or replaces the documents and makes them searchable; with <paramref name="commit"/> they are durable at once.</summary>
    public void Upsert(IEnumerable<ProposalIndexEntry> entries, bool commit = true) =>
        store.Upsert(entries.Select(e => (e.Id, ToDocument(e))), commit);

    public void Delete(Guid id) => store.Delete(id);

    /// <summary>Empties the index (before a rebuild); searches see the old documents until the rebuild commits.</summary>
    public void Clear() => store.Clear();

    public void Commit() => store.Commit();

    /// <summary>Runs a read against the latest searcher.</summary>
    public T Use<T>(Func<IndexSearcher, T> read) => store.Use(read);

    private static Document ToDocument(ProposalIndexEntry e)
    {
        var body = e.Body;
        var doc = new Document
        {
            new StringField(F.Id, e.Id.ToString(), Field.Store.YES),
            new StringField(F.Committee, e.CommitteeId.ToString(), Field.Store.YES),
            new StringField(F.Session, e.SessionId.ToString(), Field.Store.YES),
            new StringField(F.Year, e.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
            new StringField(F.Status, StatusTerm(e.Status), Field.Store.YES),
            new StringField(F.Category, e.Category, Field.Store.YES),
            new StringField(F.Publish, e.MayPublish ? "1" : "0", Field.Store.YES),
            new StoredField(F.Number, e.Number ?? 0),
            new StringField(F.Lead, e.LeadName, Field.Store.YES),
            new TextField(F.LeadText, e.LeadName, Field.Store.NO),
            new TextField(F.Title, e.Title, Field.Store.YES),
            new TextField(F.Body, body, Field.Store.YES),
            new TextField(F.Reply, e.ReplyText, Field.Store.YES),
            new TextField(F.Similar, SimilarityEngine.SimilarText(e.Title, body), Field.Store.NO),
            new NumericDocValuesField(F.When, e.When.Ticks),
        };
        return doc;
    }

    public static string StatusTerm(ProposalStatus s) => ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        store.Dispose();
        Analyzer.Dispose();
        SimilarityAnalyzer.Dispose();
    }
}
