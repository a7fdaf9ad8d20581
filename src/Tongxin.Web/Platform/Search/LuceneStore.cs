using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Tongxin.Platform.Search;

/// <summary>One Lucene index for the app's lifetime: a single writer and near-real-time searchers
/// that see a change as soon as it is published. The proposal and report indexes keep their own
/// fields and queries and share this plumbing. Documents are keyed by the string field
/// <see cref="IdField"/>. Thread-safe.</summary>
public sealed class LuceneStore : IDisposable
{
    public const string IdField = "id";

    private readonly Lucene.Net.Store.Directory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly object commitLock = new();

    /// <param name="directory">Where the index lives (disposed with the store).</param>
    /// <param name="writeAnalyzer">How documents' text fields are analysed when written.</param>
    /// <param name="version">The Lucene match version of the analyzers.</param>
    public LuceneStore(Lucene.Net.Store.Directory directory, Analyzer writeAnalyzer, Lucene.Net.Util.LuceneVersion version)
    {
        this.directory = directory;
        writer = new IndexWriter(directory, new IndexWriterConfig(version, writeAnalyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        });
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>Documents in the index now.</summary>
    public int Count
    {
        get
        {
            searchers.MaybeRefreshBlocking();
            return Use(s => s.IndexReader.NumDocs);
        }
    }

    /// <summary>Adds or replaces documents by id and makes them searchable; with <paramref name="commit"/>
    /// they are also durable at once (a bulk rebuild commits once at the end).</summary>
    public void Upsert(IEnumerable<(Guid Id, Document Document)> documents, bool commit)
    {
        foreach (var (id, document) in documents)
        {
            writer.UpdateDocument(new Term(IdField, id.ToString()), document);
        }

        Publish(commit);
    }

    public void Delete(Guid id)
    {
        writer.DeleteDocuments(new Term(IdField, id.ToString()));
        Publish(commit: true);
    }

    /// <summary>Empties the index (before a rebuild); searches see the old documents until the rebuild commits.</summary>
    public void Clear() => writer.DeleteAll();

    public void Commit() => Publish(commit: true);

    /// <summary>Runs a read against the latest searcher.</summary>
    public T Use<T>(Func<IndexSearcher, T> read)
    {
        var searcher = searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private void Publish(bool commit)
    {
        if (commit)
        {
            lock (commitLock)
            {
                writer.Commit();
            }
        }

        searchers.MaybeRefreshBlocking();
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
    }
}
