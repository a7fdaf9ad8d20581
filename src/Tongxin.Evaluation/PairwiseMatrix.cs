using System.Globalization;

namespace Tongxin.Evaluation;

/// <summary>Which values a judgment may take (判断标度).</summary>
public enum ScaleRule
{
    /// <summary>Any value in [1/9, 9] – what aggregated (geometric-mean) matrices such as the paper's hold.</summary>
    Range,

    /// <summary>Only the 17 values of the 1–9 scale and their reciprocals – what one expert answers.</summary>
    Discrete,

    /// <summary>Any positive value (for matrices from other sources, e.g. ratios of measured quantities).</summary>
    AnyPositive,
}

/// <summary>How strictly a matrix is checked when it is built.</summary>
/// <param name="Scale">Which judgment values are allowed.</param>
/// <param name="ReciprocalTolerance">How far a_ij · a_ji may be from 1: published matrices are rounded
/// to four decimals (the paper's Table 2 has 3.1162 × 0.3210 = 1.0003), so the default allows 0.1 %.</param>
public sealed record MatrixRules(ScaleRule Scale = ScaleRule.Range, double ReciprocalTolerance = 1e-3)
{
    /// <summary>Aggregated or published matrices: values in [1/9, 9], reciprocal within 0.1 %.</summary>
    public static MatrixRules Default { get; } = new();

    /// <summary>One expert's own answers: scale values only.</summary>
    public static MatrixRules ExpertAnswer { get; } = new(ScaleRule.Discrete);
}

/// <summary>判断矩阵 – a positive reciprocal pairwise comparison matrix: a_ij says how much more important
/// item i is than item j, a_ii = 1 and a_ji = 1/a_ij. Immutable; validated when built, with Chinese
/// messages naming the offending cell (by the items' names when given).</summary>
public sealed class PairwiseMatrix
{
    /// <summary>The largest order accepted: Saaty's random index is tabulated up to 15, and larger groups
    /// should be split into levels anyway (the paper advises at most 7 items a level).</summary>
    public const int MaxOrder = 15;

    private readonly double[] cells;

    private PairwiseMatrix(int order, double[] cells)
    {
        Order = order;
        this.cells = cells;
    }

    /// <summary>n, the number of items compared.</summary>
    public int Order { get; }

    /// <summary>a_ij (zero-based).</summary>
    public double this[int i, int j] => cells[(i * Order) + j];

    /// <summary>A copy of the rows.</summary>
    public double[][] ToRows() =>
        [.. Enumerable.Range(0, Order).Select(i => cells.AsSpan(i * Order, Order).ToArray())];

    internal ReadOnlySpan<double> Cells => cells;

    /// <summary>A matrix from its full rows, checked against <paramref name="rules"/>.</summary>
    /// <param name="rows">n rows of n judgments.</param>
    /// <param name="rules">Scale and reciprocity rules; <see cref="MatrixRules.Default"/> when null.</param>
    /// <param name="labels">Names of the items, used in error messages (optional).</param>
    public static PairwiseMatrix FromRows(IReadOnlyList<IReadOnlyList<double>> rows, MatrixRules? rules = null, IReadOnlyList<string>? labels = null)
    {
        var n = rows.Count;
        CheckOrder(n, labels);
        var cells = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            if (rows[i].Count != n)
            {
                throw new EvaluationException($"判断矩阵应为 {n} 行 {n} 列，第 {i + 1} 行却有 {rows[i].Count} 个值。");
            }

            for (var j = 0; j < n; j++)
            {
                cells[(i * n) + j] = rows[i][j];
            }
        }

        Validate(n, cells, rules ?? MatrixRules.Default, labels);
        return new PairwiseMatrix(n, cells);
    }

    /// <summary>A matrix from the judgments above the diagonal, row by row (a_12, a_13, …, a_1n, a_23, …),
    /// which is what an expert answers; the diagonal is 1 and the lower triangle the reciprocals.</summary>
    public static PairwiseMatrix FromUpperTriangle(int order, IReadOnlyList<double> judgments, MatrixRules? rules = null, IReadOnlyList<string>? labels = null)
    {
        CheckOrder(order, labels);
        var expected = order * (order - 1) / 2;
        if (judgments.Count != expected)
        {
            throw new EvaluationException($"{order} 个指标需要 {expected} 个两两比较判断，实际收到 {judgments.Count} 个。");
        }

        var cells = new double[order * order];
        var k = 0;
        for (var i = 0; i < order; i++)
        {
            cells[(i * order) + i] = 1;
            for (var j = i + 1; j < order; j++)
            {
                var a = judgments[k++];
                cells[(i * order) + j] = a;
                cells[(j * order) + i] = 1 / a;
            }
        }

        Validate(order, cells, rules ?? MatrixRules.Default, labels);
        return new PairwiseMatrix(order, cells);
    }

    /// <summary>The perfectly consistent matrix of a weight vector, a_ij = w_i / w_j (CI = 0).</summary>
    public static PairwiseMatrix FromWeights(IReadOnlyList<double> weights)
    {
        CheckOrder(weights.Count, null);
        if (weights.Any(w => !double.IsFinite(w) || w <= 0))
        {
            throw new EvaluationException("权重必须全部为正数。");
        }

        var n = weights.Count;
        var cells = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                cells[(i * n) + j] = i == j ? 1 : weights[i] / weights[j];
            }
        }

        return new PairwiseMatrix(n, cells);
    }

    /// <summary>The same matrix with one judgment (and its reciprocal) replaced – e.g. by a suggested value.</summary>
    public PairwiseMatrix WithJudgment(int i, int j, double value)
    {
        if (i == j || i < 0 || j < 0 || i >= Order || j >= Order)
        {
            throw new EvaluationException($"第 {i + 1} 行第 {j + 1} 列不是可修改的判断。");
        }

        var copy = cells.ToArray();
        copy[(i * Order) + j] = value;
        copy[(j * Order) + i] = 1 / value;
        Validate(Order, copy, new MatrixRules(ScaleRule.AnyPositive), null);
        return new PairwiseMatrix(Order, copy);
    }

    /// <summary>Trusted construction for the engine's own results (e.g. a geometric mean of valid matrices,
    /// which is reciprocal by construction).</summary>
    internal static PairwiseMatrix Trusted(int order, double[] cells) => new(order, cells);

    private static void CheckOrder(int n, IReadOnlyList<string>? labels)
    {
        if (n < 1)
        {
            throw new EvaluationException("判断矩阵至少需要 1 个指标。");
        }

        if (n > MaxOrder)
        {
            throw new EvaluationException($"同一层级最多比较 {MaxOrder} 个指标（当前 {n} 个），请拆分为更多层级。");
        }

        if (labels is not null && labels.Count != n)
        {
            throw new EvaluationException($"判断矩阵为 {n} 阶，指标名称却有 {labels.Count} 个。");
        }
    }

    private static void Validate(int n, double[] cells, MatrixRules rules, IReadOnlyList<string>? labels)
    {
        string Cell(int i, int j) => labels is null
            ? $"第 {i + 1} 行第 {j + 1} 列"
            : $"「{labels[i]}」对「{labels[j]}」的判断";
        string Show(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var a = cells[(i * n) + j];
                if (!double.IsFinite(a) || a <= 0)
                {
                    throw new EvaluationException($"{Cell(i, j)}必须为正数（当前为 {Show(a)}）。");
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (Math.Abs(cells[(i * n) + i] - 1) > rules.ReciprocalTolerance)
            {
                throw new EvaluationException($"对角线上{Cell(i, i)}必须为 1（当前为 {Show(cells[(i * n) + i])}）。");
            }

            for (var j = i + 1; j < n; j++)
            {
                var a = cells[(i * n) + j];
                var b = cells[(j * n) + i];
                if (Math.Abs((a * b) - 1) > rules.ReciprocalTolerance)
                {
                    throw new EvaluationException(
                        $"{Cell(i, j)}（{Show(a)}）与{Cell(j, i)}（{Show(b)}）不互为倒数，两者之积应为 1。");
                }

                var ok = rules.Scale switch
                {
                    ScaleRule.Discrete => SaatyScale.IsOnScale(a),
                    ScaleRule.Range => a >= SaatyScale.Min * (1 - rules.ReciprocalTolerance) && a <= SaatyScale.Max * (1 + rules.ReciprocalTolerance),
                    _ => true,
                };
                if (!ok)
                {
                    throw new EvaluationException(rules.Scale == ScaleRule.Discrete
                        ? $"{Cell(i, j)}（{Show(a)}）不在 1–9 标度上，只能取 1–9 的整数或其倒数。"
                        : $"{Cell(i, j)}（{Show(a)}）超出 1–9 标度的范围（1/9 至 9）。");
                }
            }
        }
    }
}
