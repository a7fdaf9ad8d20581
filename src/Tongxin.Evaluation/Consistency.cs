using System.Collections.Frozen;

namespace Tongxin.Evaluation;

/// <summary>平均随机一致性指标 RI – the mean CI of random reciprocal matrices of order n, by which CI is
/// divided to give CR.</summary>
public sealed class RandomIndexTable
{
    private readonly FrozenDictionary<int, double> values;

    /// <summary>A table by order (n = 1 … 15).</summary>
    public RandomIndexTable(string name, IReadOnlyDictionary<int, double> values)
    {
        Name = name;
        this.values = values.ToFrozenDictionary();
    }

    /// <summary>The table Chinese AHP practice uses (1,000 random 1–9 matrices per order; 许树柏《层次分析法原理》
    /// and the yaahp software the paper used), whose n = 3 … 9 values DOMAIN.md §9 states and which
    /// reproduces the paper's CR: 0, 0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59.
    /// The default.</summary>
    public static RandomIndexTable Standard { get; } = new("1–15 阶平均随机一致性指标（1000 次随机模拟）", new Dictionary<int, double>
    {
        [1] = 0,
        [2] = 0,
        [3] = 0.52,
        [4] = 0.89,
        [5] = 1.12,
        [6] = 1.26,
        [7] = 1.36,
        [8] = 1.41,
        [9] = 1.46,
        [10] = 1.49,
        [11] = 1.52,
        [12] = 1.54,
        [13] = 1.56,
        [14] = 1.58,
        [15] = 1.59,
    });

    /// <summary>Saaty's original table (The Analytic Hierarchy Process, 1980; n = 12 … 15 as later cited
    /// from Saaty): 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59.</summary>
    public static RandomIndexTable Saaty1980 { get; } = new("Saaty (1980) 随机一致性指标", new Dictionary<int, double>
    {
        [1] = 0,
        [2] = 0,
        [3] = 0.58,
        [4] = 0.90,
        [5] = 1.12,
        [6] = 1.24,
        [7] = 1.32,
        [8] = 1.41,
        [9] = 1.45,
        [10] = 1.49,
        [11] = 1.51,
        [12] = 1.48,
        [13] = 1.56,
        [14] = 1.57,
        [15] = 1.59,
    });

    /// <summary>Where the values come from, for reports.</summary>
    public string Name { get; }

    /// <summary>RI for order <paramref name="n"/>.</summary>
    public double this[int n] => values.TryGetValue(n, out var ri)
        ? ri
        : throw new EvaluationException($"随机一致性指标表中没有 {n} 阶的数值。");
}

/// <summary>Options of an AHP computation.</summary>
/// <param name="CrThreshold">The largest acceptable CR (0.1 by convention).</param>
/// <param name="RandomIndex">The RI table; <see cref="RandomIndexTable.Standard"/> when null.</param>
public sealed record AhpOptions(double CrThreshold = 0.1, RandomIndexTable? RandomIndex = null)
{
    /// <summary>CR ≤ 0.1 with the standard RI table.</summary>
    public static AhpOptions Default { get; } = new();

    internal RandomIndexTable Table => RandomIndex ?? RandomIndexTable.Standard;
}

/// <summary>一致性检验结果 – λmax, CI = (λmax − n)/(n − 1), RI and CR = CI/RI. Matrices of order 1 and 2 are
/// always consistent (RI = 0, CR reported as 0).</summary>
public sealed record ConsistencyResult(int Order, double LambdaMax, double CI, double RI, double CR, double Threshold)
{
    /// <summary>CR ≤ threshold: the judgments may be used.</summary>
    public bool IsAcceptable => CR <= Threshold;

    /// <summary>A sentence for the user, e.g. "CR = 0.0047 ≤ 0.1，一致性可以接受。".</summary>
    public string Summary => IsAcceptable
        ? $"CR = {CR:0.0000} ≤ {Threshold:0.##}，一致性可以接受。"
        : $"CR = {CR:0.0000} > {Threshold:0.##}，判断前后矛盾较大，请调整判断矩阵。";
}

/// <summary>一致性检验 of a judgment matrix.</summary>
public static class Consistency
{
    /// <summary>λmax is the principal eigenvalue (the paper's definition), whatever method gives the weights.</summary>
    public static ConsistencyResult Check(PairwiseMatrix matrix, AhpOptions? options = null) =>
        FromLambda(matrix.Order, Priorities.PrincipalEigen(matrix).LambdaMax, options ?? AhpOptions.Default);

    internal static ConsistencyResult FromLambda(int n, double lambdaMax, AhpOptions options)
    {
        if (n <= 2)
        {
            return new ConsistencyResult(n, n, 0, 0, 0, options.CrThreshold);
        }

        // λmax ≥ n for a positive reciprocal matrix; rounding can put a consistent one a hair below.
        var ci = Math.Max(0, (lambdaMax - n) / (n - 1));
        var ri = options.Table[n];
        return new ConsistencyResult(n, lambdaMax, ci, ri, ci / ri, options.CrThreshold);
    }
}

/// <summary>层次单排序结果 – the weights of one judgment matrix with its consistency.</summary>
public sealed record AhpResult(IReadOnlyList<double> Weights, WeightMethod Method, ConsistencyResult Consistency);

/// <summary>Weights and consistency of one matrix in one call.</summary>
public static class Ahp
{
    /// <summary>Weights by <paramref name="method"/> (和积法 by default, as the paper publishes) and the
    /// consistency check.</summary>
    public static AhpResult Analyze(PairwiseMatrix matrix, WeightMethod method = WeightMethod.ColumnNormalizedRowMean, AhpOptions? options = null)
    {
        var (lambda, eigenvector) = Priorities.PrincipalEigen(matrix);
        var weights = method == WeightMethod.Eigenvector ? eigenvector : Priorities.Compute(matrix, method);
        return new AhpResult(weights, method, Consistency.FromLambda(matrix.Order, lambda, options ?? AhpOptions.Default));
    }
}
