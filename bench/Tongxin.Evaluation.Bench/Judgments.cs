namespace Tongxin.Evaluation.Bench;

/// <summary>Expert-like judgment matrices: true weights, each ratio disturbed by up to ±50 % and snapped to
/// the 1–9 scale, as a fairly careful expert answers (CR mostly below 0.1, never exactly 0).</summary>
internal static class Judgments
{
    public static PairwiseMatrix Expert(Random random, double[] truth)
    {
        var n = truth.Length;
        var upper = new List<double>(n * (n - 1) / 2);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                upper.Add(SaatyScale.Snap(truth[i] / truth[j] * Math.Exp((random.NextDouble() - 0.5) * 0.8)));
            }
        }

        return PairwiseMatrix.FromUpperTriangle(n, upper, MatrixRules.ExpertAnswer);
    }

    public static double[] Truth(Random random, int n) => [.. Enumerable.Range(0, n).Select(_ => 1 + (4 * random.NextDouble()))];
}
