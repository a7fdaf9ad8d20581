namespace Tongxin.Evaluation;

/// <summary>指标方向 – whether more of an indicator is better (履职次数) or worse (办理超期天数).</summary>
public enum IndicatorDirection
{
    /// <summary>正向指标.</summary>
    HigherIsBetter,

    /// <summary>逆向指标.</summary>
    LowerIsBetter,
}

/// <summary>无量纲化方法 – how raw indicator values are made comparable before weighting.</summary>
public enum Normalization
{
    /// <summary>极差标准化: (x − min)/(max − min) in [0, 1] (reversed for a lower-is-better indicator); 1 for
    /// everyone when all values are equal, since no one falls short of anyone.</summary>
    MinMax,

    /// <summary>Z 分数: (x − mean)/SD with the population SD (negated for lower-is-better); 0 when all are equal.</summary>
    ZScore,

    /// <summary>目标值标准化: 1 − |x − target| / max |x_k − target| in [0, 1], 1 at the target (e.g. a handling
    /// time that should be neither rushed nor late); the direction does not apply.</summary>
    TowardTarget,
}

/// <summary>评价指标 – one scored criterion with its weight (usually an AHP global weight).</summary>
/// <param name="Id">Key matching the entities' values.</param>
/// <param name="Name">Shown name.</param>
/// <param name="Weight">Non-negative; the weights are normalised to sum 1.</param>
/// <param name="Direction">Higher or lower is better.</param>
/// <param name="Normalization">How the values are normalised.</param>
/// <param name="Target">The target for <see cref="Normalization.TowardTarget"/>.</param>
public sealed record Indicator(string Id, string Name, double Weight, IndicatorDirection Direction = IndicatorDirection.HigherIsBetter, Normalization Normalization = Normalization.MinMax, double? Target = null);

/// <summary>被评对象 – a member, consultation or unit with its raw indicator values.</summary>
public sealed record ScoredEntity(string Id, string Name, IReadOnlyDictionary<string, double> Values);

/// <summary>One entity's composite score and rank.</summary>
/// <param name="Rank">1 for the best; equal scores share a rank and the next rank skips (1, 2, 2, 4).</param>
/// <param name="EntityId">The entity's key.</param>
/// <param name="EntityName">The entity's name.</param>
/// <param name="Score">Σ weight × normalised value.</param>
/// <param name="Normalized">The normalised value per indicator id, to explain the score.</param>
public sealed record RankedScore(int Rank, string EntityId, string EntityName, double Score, IReadOnlyDictionary<string, double> Normalized);

/// <summary>综合评分 – normalises the indicator values of a set of entities and combines them with the weights
/// into ranked composite scores.</summary>
public static class CompositeScoring
{
    /// <summary>Scores closer than this are treated as equal (rounding of weights must not split a tie).</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>Scores and ranks <paramref name="entities"/>, best first (ties in input order).</summary>
    public static IReadOnlyList<RankedScore> Rank(IReadOnlyList<Indicator> indicators, IReadOnlyList<ScoredEntity> entities)
    {
        Validate(indicators, entities);
        var totalWeight = indicators.Sum(i => i.Weight);
        var normalized = entities.Select(_ => new Dictionary<string, double>()).ToArray();
        foreach (var indicator in indicators)
        {
            var values = Normalize(indicator, [.. entities.Select(e => e.Values[indicator.Id])]);
            for (var e = 0; e < entities.Count; e++)
            {
                normalized[e][indicator.Id] = values[e];
            }
        }

        var scored = entities
            .Select((e, k) => (Entity: e, Normalized: normalized[k], Score: indicators.Sum(i => i.Weight / totalWeight * normalized[k][i.Id])))
            .OrderByDescending(x => x.Score)
            .ToList();

        var result = new List<RankedScore>(scored.Count);
        for (var k = 0; k < scored.Count; k++)
        {
            var rank = k > 0 && Math.Abs(scored[k].Score - scored[k - 1].Score) <= TieTolerance ? result[k - 1].Rank : k + 1;
            result.Add(new RankedScore(rank, scored[k].Entity.Id, scored[k].Entity.Name, scored[k].Score, scored[k].Normalized));
        }

        return result;
    }

    /// <summary>The normalised values of one indicator over all entities.</summary>
    public static double[] Normalize(Indicator indicator, IReadOnlyList<double> values)
    {
        var sign = indicator.Direction == IndicatorDirection.HigherIsBetter ? 1 : -1;
        switch (indicator.Normalization)
        {
            case Normalization.MinMax:
                {
                    var min = values.Min();
                    var max = values.Max();
                    return max == min
                        ? [.. values.Select(_ => 1.0)]
                        : [.. values.Select(x => sign > 0 ? (x - min) / (max - min) : (max - x) / (max - min))];
                }

            case Normalization.ZScore:
                {
                    var mean = values.Average();
                    var sd = Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / values.Count);
                    return sd == 0 ? [.. values.Select(_ => 0.0)] : [.. values.Select(x => sign * (x - mean) / sd)];
                }

            case Normalization.TowardTarget:
                {
                    var target = indicator.Target ?? throw new EvaluationException($"指标「{indicator.Name}」采用目标值标准化，须给出有效的目标值。");
                    var furthest = values.Max(x => Math.Abs(x - target));
                    return furthest == 0 ? [.. values.Select(_ => 1.0)] : [.. values.Select(x => 1 - (Math.Abs(x - target) / furthest))];
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(indicator));
        }
    }

    private static void Validate(IReadOnlyList<Indicator> indicators, IReadOnlyList<ScoredEntity> entities)
    {
        if (indicators.Count == 0)
        {
            throw new EvaluationException("至少需要一个评价指标。");
        }

        if (entities.Count == 0)
        {
            throw new EvaluationException("没有可评分的对象。");
        }

        var duplicate = indicators.GroupBy(i => i.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new EvaluationException($"指标编号「{duplicate.Key}」重复。");
        }

        foreach (var indicator in indicators)
        {
            if (!double.IsFinite(indicator.Weight) || indicator.Weight < 0)
            {
                throw new EvaluationException($"指标「{indicator.Name}」的权重不能为负数。");
            }

            if (indicator.Normalization == Normalization.TowardTarget && !(indicator.Target is { } target && double.IsFinite(target)))
            {
                throw new EvaluationException($"指标「{indicator.Name}」采用目标值标准化，须给出有效的目标值。");
            }

            foreach (var entity in entities)
            {
                if (!entity.Values.TryGetValue(indicator.Id, out var value))
                {
                    throw new EvaluationException($"「{entity.Name}」缺少指标「{indicator.Name}」的数值。");
                }

                if (!double.IsFinite(value))
                {
                    throw new EvaluationException($"「{entity.Name}」的指标「{indicator.Name}」数值无效。");
                }
            }
        }

        if (indicators.Sum(i => i.Weight) <= 0)
        {
            throw new EvaluationException("指标权重不能全部为 0。");
        }
    }
}
