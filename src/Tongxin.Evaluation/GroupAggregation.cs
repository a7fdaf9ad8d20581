namespace Tongxin.Evaluation;

/// <summary>How several experts' priority vectors are combined (聚合个体优先级).</summary>
public enum PriorityAggregation
{
    /// <summary>Weighted geometric mean, renormalised – keeps the ratio meaning of the weights (the usual choice).</summary>
    GeometricMean,

    /// <summary>Weighted arithmetic mean – when the experts are seen as separate individuals whose weights are averaged.</summary>
    ArithmeticMean,
}

/// <summary>群组决策 – combining several experts' judgment matrices: by the geometric mean of their judgments
/// (AIJ, DOMAIN.md §9; the result stays reciprocal, which the arithmetic mean would not) or by combining the
/// priority vectors each expert's matrix yields (AIP).</summary>
public static class GroupAggregation
{
    /// <summary>The element-wise weighted geometric mean of the experts' matrices, a_ij = Π (a_ij^k)^(λ_k).</summary>
    /// <param name="experts">The matrices, all of the same order.</param>
    /// <param name="expertWeights">λ_k (e.g. by seniority), normalised here; equal when null.</param>
    public static PairwiseMatrix AggregateJudgments(IReadOnlyList<PairwiseMatrix> experts, IReadOnlyList<double>? expertWeights = null)
    {
        var lambda = ExpertWeights(experts, expertWeights);
        var n = experts[0].Order;
        var cells = new double[n * n];

        // Only the upper triangle is averaged; the lower one is its reciprocal by construction, which halves
        // the logarithms and keeps the result exactly reciprocal.
        for (var k = 0; k < experts.Count; k++)
        {
            var expert = experts[k].Cells;
            var weight = lambda[k];
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    cells[(i * n) + j] += weight * Math.Log(expert[(i * n) + j]);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            cells[(i * n) + i] = 1;
            for (var j = i + 1; j < n; j++)
            {
                var mean = cells[(i * n) + j];
                cells[(i * n) + j] = Math.Exp(mean);
                cells[(j * n) + i] = Math.Exp(-mean);
            }
        }

        return PairwiseMatrix.Trusted(n, cells);
    }

    /// <summary>Each expert's weights by <paramref name="method"/>, combined by <paramref name="aggregation"/>
    /// and normalised to sum 1.</summary>
    public static double[] AggregatePriorities(
        IReadOnlyList<PairwiseMatrix> experts,
        WeightMethod method = WeightMethod.ColumnNormalizedRowMean,
        PriorityAggregation aggregation = PriorityAggregation.GeometricMean,
        IReadOnlyList<double>? expertWeights = null)
    {
        var lambda = ExpertWeights(experts, expertWeights);
        var n = experts[0].Order;
        var combined = new double[n];
        for (var k = 0; k < experts.Count; k++)
        {
            var w = Priorities.Compute(experts[k], method);
            for (var i = 0; i < n; i++)
            {
                combined[i] += aggregation == PriorityAggregation.GeometricMean ? lambda[k] * Math.Log(w[i]) : lambda[k] * w[i];
            }
        }

        if (aggregation == PriorityAggregation.GeometricMean)
        {
            for (var i = 0; i < n; i++)
            {
                combined[i] = Math.Exp(combined[i]);
            }
        }

        return Priorities.Normalize(combined);
    }

    private static double[] ExpertWeights(IReadOnlyList<PairwiseMatrix> experts, IReadOnlyList<double>? expertWeights)
    {
        if (experts.Count == 0)
        {
            throw new EvaluationException("至少需要一位专家的判断矩阵。");
        }

        var n = experts[0].Order;
        for (var k = 1; k < experts.Count; k++)
        {
            if (experts[k].Order != n)
            {
                throw new EvaluationException($"第 {k + 1} 位专家的判断矩阵为 {experts[k].Order} 阶，与第 1 位专家的 {n} 阶不一致。");
            }
        }

        if (expertWeights is null)
        {
            return [.. Enumerable.Repeat(1.0 / experts.Count, experts.Count)];
        }

        if (expertWeights.Count != experts.Count)
        {
            throw new EvaluationException($"专家权重有 {expertWeights.Count} 个，专家却有 {experts.Count} 位。");
        }

        if (expertWeights.Any(w => !double.IsFinite(w) || w < 0) || expertWeights.Sum() <= 0)
        {
            throw new EvaluationException("专家权重不能为负，且不能全部为 0。");
        }

        return Priorities.Normalize([.. expertWeights]);
    }
}
