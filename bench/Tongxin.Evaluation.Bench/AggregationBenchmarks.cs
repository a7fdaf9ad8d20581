using BenchmarkDotNet.Attributes;

namespace Tongxin.Evaluation.Bench;

/// <summary>A large panel: 1,000 experts × 10 matrices (a hierarchy with ten judgment matrices of order N),
/// aggregated by the geometric mean of judgments and by aggregating each expert's priority vector.
/// Baseline: the element-wise arithmetic sum of the same 10,000 matrices held as plain arrays – the
/// memory traffic of aggregation without any logarithm or weight computation.</summary>
[MemoryDiagnoser]
public class AggregationBenchmarks
{
    private const int Experts = 1_000;
    private const int Matrices = 10;
    private PairwiseMatrix[][] panels = [];
    private double[][][] arrays = [];

    [Params(5, 9)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1_000);
        panels = [.. Enumerable.Range(0, Matrices).Select(_ =>
        {
            var truth = Judgments.Truth(random, N);
            return Enumerable.Range(0, Experts).Select(_ => Judgments.Expert(random, truth)).ToArray();
        })];
        arrays = [.. panels.Select(p => p.Select(m => m.ToRows().SelectMany(r => r).ToArray()).ToArray())];
    }

    [Benchmark(Baseline = true)]
    public double ArithmeticSumOfArrays()
    {
        var total = 0.0;
        var sum = new double[N * N];
        foreach (var panel in arrays)
        {
            Array.Clear(sum);
            foreach (var cells in panel)
            {
                for (var c = 0; c < sum.Length; c++)
                {
                    sum[c] += cells[c];
                }
            }

            total += sum[1];
        }

        return total;
    }

    [Benchmark]
    public double GeometricMeanOfJudgments()
    {
        var total = 0.0;
        foreach (var panel in panels)
        {
            var group = GroupAggregation.AggregateJudgments(panel);
            total += Ahp.Analyze(group).Consistency.CR;
        }

        return total;
    }

    [Benchmark]
    public double AggregatedPriorities()
    {
        var total = 0.0;
        foreach (var panel in panels)
        {
            total += GroupAggregation.AggregatePriorities(panel)[0];
        }

        return total;
    }

    [Benchmark]
    public double AggregatedEigenvectorPriorities()
    {
        var total = 0.0;
        foreach (var panel in panels)
        {
            total += GroupAggregation.AggregatePriorities(panel, WeightMethod.Eigenvector)[0];
        }

        return total;
    }
}
