using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using Tongxin.Modules.Proposals.Search;
using Tongxin.Platform;
using Tongxin.Platform.Search;

namespace Tongxin.Modules.Opinions.Search;

/// <summary>The "Tongxin:OpinionSearch" configuration section.</summary>
public sealed class OpinionSearchOptions
{
    public const string Section = "Tongxin:OpinionSearch";

    /// <summary>Folder of the reports' Lucene index. Empty: <c>opinion-index</c> under the data
    /// directory (every test app has its own data directory, so its own index).</summary>
    public string IndexPath { get; set; } = "";
}

/// <summary>What the index knows of one report: the searchable text and the fields the queue and
/// the search filter, sort and show on.</summary>
public sealed record OpinionIndexEntry(
    Guid Id,
    Guid CommitteeId,
    int Year,
    int? SerialNo,
    OpinionStatus Status,
    string Category,
    OpinionSubmitterKind Kind,
    bool IsUrgent,
    string Title,
    string Situation,
    string Analysis,
    string Suggestion,
    string SubmitterName,
    DateTime When)
{
    public string Body => string.Join("\n", new[] { Situation, Analysis, Suggestion }.Where(s => !string.IsNullOrEmpty(s)));
}

/// <summary>社情民意索引 – the Lucene index of reports, with the proposals' character-bigram
/// analysis (<see cref="ChineseAnalysis"/>), so any 2-character word is found. One writer for the
/// app's lifetime and near-real-time searchers that see a change as soon as it is written. Thread-safe.</summary>
public sealed class OpinionIndex : IDisposable
{
    internal static class F
    {
        public const string Id = LuceneStore.IdField;
        public const string Committee = "committee";
        public const string Year = "year";
        public const string Serial = "serial";
        public const string Status = "status";
        public const string Category = "category";
        public const string Kind = "kind";
        public const string Urgent = "urgent";
        public const string Submitter = "submitter";
        public const string SubmitterText = "submittertext";
        public const string Title = "title";
        public const string Body = "body";
        public const string When = "when";
    }

    /// <summary>The fields a search word may match, with their weight.</summary>
    internal static readonly (string Field, float Boost)[] SearchFields = [(F.Title, 3f), (F.Body, 1f), (F.SubmitterText, 2f)];

    private readonly LuceneStore store;

    public OpinionIndex(IOptions<OpinionSearchOptions> search, IOptions<TongxinOptions> tongxin, IWebHostEnvironment env)
        : this(FSDirectory.Open(new DirectoryInfo(ResolvePath(search.Value, tongxin.Value, env.ContentRootPath))))
    {
    }

    /// <summary>An index over any Lucene directory (the benchmark uses its own folder).</summary>
    public OpinionIndex(Lucene.Net.Store.Directory directory)
    {
        Analyzer = ChineseAnalysis.CreateAnalyzer();
        store = new LuceneStore(directory, Analyzer, ChineseAnalysis.Version);
    }

    /// <summary>Bigrams: the searchable fields and the search words.</summary>
    public Analyzer Analyzer { get; }

    public static string ResolvePath(OpinionSearchOptions search, TongxinOptions tongxin, string contentRoot) =>
        string.IsNullOrWhiteSpace(search.IndexPath)
            ? Path.Combine(contentRoot, tongxin.DataDirectory, "opinion-index")
            : Path.Combine(contentRoot, search.IndexPath);

    /// <summary>Documents in the index now.</summary>
    public int Count => store.Count;

    /// <summary>Adds or replaces the documents and makes them searchable; with <paramref name="commit"/> they are durable at once.</summary>
    public void Upsert(IEnumerable<OpinionIndexEntry> entries, bool commit = true) =>
        store.Upsert(entries.Select(e => (e.Id, ToDocument(e))), commit);

    public void Delete(Guid id) => store.Delete(id);

    /// <summary>Empties the index (before a rebuild); searches see the old documents until the rebuild commits.</summary>
    public void Clear() => store.Clear();

    public void Commit() => store.Commit();

    /// <summary>Runs a read against the latest searcher.</summary>
    public T Use<T>(Func<IndexSearcher, T> read) => store.Use(read);

    private static Document ToDocument(OpinionIndexEntry e) =>
    [
        new StringField(F.Id, e.Id.ToString(), Field.Store.YES),
        new StringField(F.Committee, e.CommitteeId.ToString(), Field.Store.YES),
        new StringField(F.Year, e.Year.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
        new StoredField(F.Serial, e.SerialNo ?? 0),
        new StringField(F.Status, StatusTerm(e.Status), Field.Store.YES),
        new StringField(F.Category, e.Category, Field.Store.YES),
        new StringField(F.Kind, KindTerm(e.Kind), Field.Store.YES),
        new StringField(F.Urgent, e.IsUrgent ? "1" : "0", Field.Store.YES),
        new NumericDocValuesField(F.Urgent, e.IsUrgent ? 1 : 0),
        new StoredField(F.Submitter, e.SubmitterName),
        new TextField(F.SubmitterText, e.SubmitterName, Field.Store.NO),
        new TextField(F.Title, e.Title, Field.Store.YES),
        new TextField(F.Body, e.Body, Field.Store.YES),
        new NumericDocValuesField(F.When, e.When.Ticks),
        new StoredField(F.When, e.When.Ticks),
    ];

    public static string StatusTerm(OpinionStatus s) => ((int)s).ToString(CultureInfo.InvariantCulture);

    public static string KindTerm(OpinionSubmitterKind k) => ((int)k).ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        store.Dispose();
        Analyzer.Dispose();
    }
}
