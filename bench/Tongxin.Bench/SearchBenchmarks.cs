using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Search;

namespace Tongxin.Bench;

/// <summary>提案检索 and 相似提案 over 300,000 generated proposals (see <see cref="ProposalCorpus"/>),
/// indexed once with the product's <see cref="ProposalIndex"/> into a cached folder. Every
/// iteration is one query, so the P95 column is the 95th percentile of single queries. The
/// baseline is the most trivial index round trip: one proposal looked up by id.</summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private static readonly string[] TwoCharacterWords = ["养老", "停车", "医保", "电梯", "垃圾", "充电", "近视", "托育"];
    private static readonly string[] FourCharacterWords = ["加装电梯", "异地就医", "垃圾分类", "校外培训", "燃气安全", "心理健康", "快递包装", "农田水利"];

    private ProposalIndex index = null!;
    private Filter provinceStaff = null!;
    private Filter cityScope = null!;
    private string[] ids = [];
    private string[] drafts = [];
    private int turn;

    public sealed class Config : ManualConfig
    {
        public Config()
        {
            // In process (a child process would rebuild the web project, which takes minutes here), with
            // time for the first run to index the 300,000 proposals.
            AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(40).WithInvocationCount(1).WithUnrollFactor(1).WithLaunchCount(1)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)));
            AddColumn(StatisticColumn.P95, StatisticColumn.Max);
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), "tongxin-bench-search-v1");
        index = new ProposalIndex(FSDirectory.Open(path));
        if (index.Count != ProposalCorpus.Total)
        {
            var started = TimeProvider.System.GetTimestamp();
            index.Clear();
            foreach (var chunk in ProposalCorpus.Generate().Chunk(5_000))
            {
                index.Upsert(chunk, commit: false);
            }

            index.Commit();
            Console.WriteLine($"// indexed {index.Count} proposals in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F0} s");
        }

        var all = Enumerable.Range(0, ProposalCorpus.Committees).Select(ProposalCorpus.CommitteeId).ToList();
        var submitted = Enum.GetValues<ProposalStatus>().Where(s => s != ProposalStatus.Draft).ToList();
        // What SearchAccess gives province staff and ProposalSimilarity a city's staff.
        provinceStaff = SearchVisibility.Committees(all, submitted);
        var city = ProposalCorpus.CommitteeId(0);
        cityScope = SearchVisibility.All(
            SearchVisibility.Committees([city], ProposalIndex.SimilarStatuses),
            SearchVisibility.Any(SearchVisibility.Committees([city], submitted), SearchVisibility.Public()));
        ids = index.Use(s => Enumerable.Range(0, 64).Select(i => s.Doc(i * 4_000).Get("id")).ToArray());
        drafts = [.. Enumerable.Range(0, 64).Select(ProposalCorpus.NewDraft)];
    }

    [GlobalCleanup]
    public void Cleanup() => index.Dispose();

    /// <summary>Baseline: one proposal by id, its stored fields read.</summary>
    [Benchmark(Baseline = true)]
    public string? LookupById()
    {
        var id = ids[turn++ % ids.Length];
        return index.Use(s =>
        {
            var top = s.Search(new TermQuery(new Term("id", id)), 1);
            return s.Doc(top.ScoreDocs[0].Doc).Get("title");
        });
    }

    /// <summary>Province staff, a 2-character word over all 300,000, page 1 of 20 with highlighting and the total.</summary>
    [Benchmark]
    public int SearchTwoCharacters() =>
        SearchEngine.Search(index, TwoCharacterWords[turn++ % TwoCharacterWords.Length], new ProposalSearchFilter(), provinceStaff, 1).Total;

    /// <summary>The same with a 4-character word (a phrase of three bigrams).</summary>
    [Benchmark]
    public int SearchFourCharacters() =>
        SearchEngine.Search(index, FourCharacterWords[turn++ % FourCharacterWords.Length], new ProposalSearchFilter(), provinceStaff, 1).Total;

    /// <summary>The top 10 similar proposals for a new draft within the city's 30,000.</summary>
    [Benchmark]
    public int SimilarForNewDraft() =>
        SimilarityEngine.Find(index, drafts[turn++ % drafts.Length], cityScope, null, 10).Count;
}
