using Lucene.Net.Index;
using Lucene.Net.Search;
using F = Tongxin.Modules.Proposals.Search.ProposalIndex.F;

namespace Tongxin.Modules.Proposals.Search;

/// <summary>One similar proposal; <see cref="Score"/> is the cosine of the two texts' weighted
/// bigram vectors, 0 (nothing in common) to 1 (the same wording).</summary>
public sealed record SimilarProposal(
    Guid Id,
    Guid CommitteeId,
    int? Number,
    string Title,
    string LeadName,
    ProposalStatus Status,
    int Year,
    double Score)
{
    public string DisplayNumber => Number is { } n ? $"第{n:D4}号" : "未编号";

    /// <summary>The caller may open it at /Proposals/Detail; otherwise it is a public proposal (/Public/Proposals).</summary>
    public bool MayOpen { get; init; }
}

/// <summary>相似提案 – compares a text with the indexed proposals. The text's content bigrams
/// (boilerplate and particle bigrams dropped) are weighted by sublinear term frequency × IDF, so
/// words every proposal uses count little and the rare words that name the matter count most.
/// The strongest terms pick candidates through the index; candidates are then ranked by the
/// cosine of the full weighted vectors, which gives a score comparable across queries.</summary>
public static class SimilarityEngine
{
    /// <summary>Terms of the text used to find candidates (the rest still count in the cosine).</summary>
    private const int QueryTerms = 48;

    private const int Candidates = 40;

    public static IReadOnlyList<SimilarProposal> Find(ProposalIndex index, string text, Filter scope, Guid? excludeId, int top)
    {
        if (string.IsNullOrWhiteSpace(text) || top <= 0)
        {
            return [];
        }

        return index.Use(searcher =>
        {
            var reader = searcher.IndexReader;
            var idf = new IdfCache(reader);
            var query = Vector(index, text, idf);
            if (query.Count == 0)
            {
                return (IReadOnlyList<SimilarProposal>)[];
            }

            var candidateQuery = new BooleanQuery();
            // Candidates through bigrams only: a character's postings are long, a bigram's short.
            foreach (var term in query.Where(t => t.Key.Length > 1 || !ChineseAnalysis.IsCjk(t.Key[0])).OrderByDescending(t => t.Value).Take(QueryTerms))
            {
                candidateQuery.Add(new TermQuery(new Term(F.Similar, term.Key)), Occur.SHOULD);
            }

            var queryNorm = Norm(query);
            var exclude = excludeId?.ToString();
            return [.. searcher.Search(candidateQuery, scope, Candidates + 1).ScoreDocs
                .Select(sd => searcher.Doc(sd.Doc))
                .Where(doc => doc.Get(F.Id) != exclude)
                .Select(doc =>
                {
                    var title = doc.Get(F.Title) ?? "";
                    var vector = Vector(index, SimilarText(title, doc.Get(F.Body) ?? ""), idf);
                    var dot = query.Sum(q => vector.TryGetValue(q.Key, out var w) ? q.Value * w : 0);
                    var score = queryNorm == 0 || vector.Count == 0 ? 0 : dot / (queryNorm * Norm(vector));
                    var number = doc.GetField(F.Number)?.GetInt32Value() ?? 0;
                    return new SimilarProposal(
                        Guid.Parse(doc.Get(F.Id)),
                        Guid.Parse(doc.Get(F.Committee)),
                        number == 0 ? null : number,
                        title,
                        doc.Get(F.Lead) ?? "",
                        (ProposalStatus)int.Parse(doc.Get(F.Status), System.Globalization.CultureInfo.InvariantCulture),
                        int.Parse(doc.Get(F.Year), System.Globalization.CultureInfo.InvariantCulture),
                        Math.Round(Math.Clamp(score, 0, 1), 3));
                })
                .OrderByDescending(s => s.Score)
                .Take(top)];
        });
    }

    /// <summary>The text a proposal is compared by, as indexed in the similarity field: the title
    /// counts twice, since the 案由 names the matter more densely than the body.</summary>
    public static string SimilarText(string title, string body) => title + "\n" + title + "\n" + body;

    private static Dictionary<string, double> Vector(ProposalIndex index, string text, IdfCache idf)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (term, _) in ChineseAnalysis.Tokens(index.SimilarityAnalyzer, text))
        {
            if (ChineseAnalysis.IsContentTerm(term))
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        var vector = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
        foreach (var (term, count) in counts)
        {
            // Characters and bigrams weigh alike: on the labelled set halving the characters' weight changed nothing.
            vector[term] = (1 + Math.Log(count)) * idf.Get(term);
        }

        return vector;
    }

    private static double Norm(Dictionary<string, double> vector) => Math.Sqrt(vector.Values.Sum(w => w * w));

    /// <summary>IDF over the similarity field, looked up once per term per query.</summary>
    private sealed class IdfCache(IndexReader reader)
    {
        private readonly Dictionary<string, double> cache = new(StringComparer.Ordinal);
        private readonly int docs = reader.NumDocs;

        public double Get(string term)
        {
            if (!cache.TryGetValue(term, out var idf))
            {
                var df = reader.DocFreq(new Term(F.Similar, term));
                idf = Math.Log((docs + 1.0) / (df + 1.0)) + 1;
                cache[term] = idf;
            }

            return idf;
        }
    }
}
