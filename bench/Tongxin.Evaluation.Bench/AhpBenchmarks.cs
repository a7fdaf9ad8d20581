using BenchmarkDotNet.Attributes;

namespace Tongxin.Evaluation.Bench;

/// <summary>One expert's 15 × 15 matrix (the largest the engine accepts): weights and CR by the reference
/// eigenvector and by 和积法, and the full inconsistency diagnosis the answer page shows live. Baseline:
/// one plain 15 × 15 matrix–vector multiply on arrays, the unit of work power iteration repeats.</summary>
[MemoryDiagnoser]
public class AhpBenchmarks
{
    private const int N = 15;
    private PairwiseMatrix matrix = null!;
    private double[] cells = [];
    private double[] vector = [];
    private double[] product = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(15);
        matrix = Judgments.Expert(random, Judgments.Truth(random, N));
        cells = [.. matrix.ToRows().SelectMany(r => r)];
        vector = [.. Enumerable.Repeat(1.0 / N, N)];
        product = new double[N];
        Console.WriteLine($"// 15 × 15 matrix: CR = {Consistency.Check(matrix).CR:0.0000}");
    }

    [Benchmark(Baseline = true)]
    public double MatrixVectorMultiply()
    {
        for (var i = 0; i < N; i++)
        {
            var s = 0.0;
            for (var j = 0; j < N; j++)
            {
                s += cells[(i * N) + j] * vector[j];
            }

            product[i] = s;
        }

        return product[0];
    }

    [Benchmark]
    public double EigenvectorWeightsAndCr() => Ahp.Analyze(matrix, WeightMethod.Eigenvector).Consistency.CR;

    [Benchmark]
    public double ColumnNormalizedWeightsAndCr() => Ahp.Analyze(matrix, WeightMethod.ColumnNormalizedRowMean).Consistency.CR;

    [Benchmark]
    public double Diagnose() => InconsistencyDiagnosis.Diagnose(matrix)[0].Deviation;
}
