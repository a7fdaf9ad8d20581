namespace Tongxin.Evaluation;

/// <summary>条目统计 – what experts see about one item between Delphi rounds: the spread of the group's
/// answers, never who answered what.</summary>
/// <param name="Count">How many experts answered the item.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1); 0 for a single answer.</param>
/// <param name="Median">The median.</param>
/// <param name="LowerQuartile">Q1 by linear interpolation between order statistics (Excel QUARTILE.INC).</param>
/// <param name="UpperQuartile">Q3, likewise.</param>
/// <param name="CoefficientOfVariation">变异系数 SD / mean; the smaller, the more the experts agree (≤ 0.25 is a
/// common consensus bar). Infinite when the mean is 0 and the answers differ.</param>
public sealed record ItemStatistics(int Count, double Mean, double StandardDeviation, double Median, double LowerQuartile, double UpperQuartile, double CoefficientOfVariation)
{
    /// <summary>四分位距 Q3 − Q1.</summary>
    public double InterquartileRange => UpperQuartile - LowerQuartile;

    /// <summary>Statistics of one item's answers.</summary>
    public static ItemStatistics Of(IReadOnlyCollection<double> answers)
    {
        if (answers.Count == 0)
        {
            throw new EvaluationException("该条目还没有专家作答，无法统计。");
        }

        if (answers.Any(a => !double.IsFinite(a)))
        {
            throw new EvaluationException("专家评分必须是有效数字。");
        }

        var sorted = answers.Order().ToArray();
        var n = sorted.Length;
        var mean = sorted.Average();
        var sd = n > 1 ? Math.Sqrt(sorted.Sum(x => (x - mean) * (x - mean)) / (n - 1)) : 0;
        var cv = sd == 0 ? 0 : mean == 0 ? double.PositiveInfinity : sd / Math.Abs(mean);
        return new ItemStatistics(n, mean, sd, Quantile(sorted, 0.5), Quantile(sorted, 0.25), Quantile(sorted, 0.75), cv);
    }

    private static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}

/// <summary>肯德尔和谐系数 – Kendall's coefficient of concordance of m experts ranking n items.</summary>
/// <param name="W">0 (no agreement) … 1 (identical rankings).</param>
/// <param name="ChiSquare">m(n − 1)W, approximately χ² with n − 1 degrees of freedom for the significance test.</param>
/// <param name="DegreesOfFreedom">n − 1.</param>
/// <param name="PValue">P(χ² ≥ ChiSquare); agreement is significant when below 0.05.</param>
public sealed record KendallResult(double W, double ChiSquare, int DegreesOfFreedom, double PValue);

/// <summary>Kendall's W with the correction for tied ranks.</summary>
public static class KendallW
{
    /// <summary>W from each expert's scores of the same items (higher score = ranked higher; ties get the
    /// mean of the ranks they span): W = 12 S / (m²(n³ − n) − m Σ T), S = Σ (R_j − R̄)², T = Σ (t³ − t) over
    /// each expert's groups of t tied items.</summary>
    /// <param name="scores">One row per expert, one column per item; every expert must score every item.</param>
    public static KendallResult Compute(IReadOnlyList<IReadOnlyList<double>> scores)
    {
        var m = scores.Count;
        if (m < 2)
        {
            throw new EvaluationException("计算肯德尔和谐系数至少需要 2 位专家。");
        }

        var n = scores[0].Count;
        if (n < 2)
        {
            throw new EvaluationException("计算肯德尔和谐系数至少需要 2 个条目。");
        }

        var rankSums = new double[n];
        var ties = 0.0;
        for (var k = 0; k < m; k++)
        {
            if (scores[k].Count != n)
            {
                throw new EvaluationException($"第 {k + 1} 位专家只评了 {scores[k].Count} 个条目，应评 {n} 个；未答全的专家不能参与和谐系数计算。");
            }

            var (ranks, tieTerm) = Rank(scores[k]);
            ties += tieTerm;
            for (var j = 0; j < n; j++)
            {
                rankSums[j] += ranks[j];
            }
        }

        var meanRankSum = m * (n + 1) / 2.0;
        var s = rankSums.Sum(r => (r - meanRankSum) * (r - meanRankSum));
        var denominator = ((double)m * m * ((double)n * n * n - n)) - (m * ties);

        // Every expert scoring every item alike leaves no ranking to agree on.
        var w = denominator <= 0 ? 0 : 12 * s / denominator;
        var chi = m * (n - 1) * w;
        return new KendallResult(w, chi, n - 1, ChiSquareDistribution.UpperTail(chi, n - 1));
    }

    /// <summary>Ranks 1…n (1 = highest score), ties sharing their mean rank, and Σ (t³ − t) of the ties.</summary>
    internal static (double[] Ranks, double TieTerm) Rank(IReadOnlyList<double> scores)
    {
        var n = scores.Count;
        var order = Enumerable.Range(0, n).OrderByDescending(j => scores[j]).ToArray();
        var ranks = new double[n];
        var tieTerm = 0.0;
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var t = end - start + 1;
            var mean = ((start + 1) + (end + 1)) / 2.0;
            for (var p = start; p <= end; p++)
            {
                ranks[order[p]] = mean;
            }

            tieTerm += ((double)t * t * t) - t;
            start = end + 1;
        }

        return (ranks, tieTerm);
    }
}

/// <summary>The χ² upper tail via the regularised incomplete gamma function Q(k/2, x/2) (series below
/// a + 1, continued fraction above – the standard split, accurate to ~1e-12 for the orders used here).</summary>
internal static class ChiSquareDistribution
{
    public static double UpperTail(double x, int degreesOfFreedom)
    {
        if (x <= 0)
        {
            return 1;
        }

        var a = degreesOfFreedom / 2.0;
        var z = x / 2;
        return z < a + 1 ? 1 - LowerSeries(a, z) : UpperContinuedFraction(a, z);
    }

    private static double LowerSeries(double a, double x)
    {
        var term = 1 / a;
        var sum = term;
        for (var k = 1; k < 500; k++)
        {
            term *= x / (a + k);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * 1e-15)
            {
                break;
            }
        }

        return sum * Math.Exp((a * Math.Log(x)) - x - LogGamma(a));
    }

    private static double UpperContinuedFraction(double a, double x)
    {
        // Lentz's method for the continued fraction of Γ(a, x).
        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < 500; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }

        return Math.Exp((a * Math.Log(x)) - x - LogGamma(a)) * h;
    }

    // Lanczos approximation (g = 7, 9 terms).
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    private static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}

/// <summary>德尔菲停止规则 – when to stop asking: consensus reached, or the maximum number of rounds held.</summary>
/// <param name="MaxRounds">Stop after this many rounds whatever the agreement (2–4 is usual).</param>
/// <param name="MinKendallW">Consensus needs Kendall's W at least this (and significant at <paramref name="Significance"/>).</param>
/// <param name="MaxCoefficientOfVariation">…and every item's coefficient of variation at most this.</param>
/// <param name="Significance">The χ² test level for W.</param>
public sealed record DelphiStoppingRule(int MaxRounds = 3, double MinKendallW = 0.5, double MaxCoefficientOfVariation = 0.25, double Significance = 0.05)
{
    /// <summary>Three rounds at most; consensus at W ≥ 0.5 (p &lt; 0.05) and every CV ≤ 0.25.</summary>
    public static DelphiStoppingRule Default { get; } = new();
}

/// <summary>What the rule says after a round.</summary>
public enum DelphiDecision
{
    /// <summary>继续下一轮.</summary>
    Continue,

    /// <summary>已达成共识.</summary>
    ConsensusReached,

    /// <summary>已达最大轮次.</summary>
    MaxRoundsReached,
}

/// <summary>一轮德尔菲汇总 – the per-item statistics fed back to the experts, the agreement and the decision.</summary>
/// <param name="Round">1-based round number.</param>
/// <param name="Items">Statistics by item key, in the questionnaire's order.</param>
/// <param name="Agreement">Kendall's W over the experts who answered every item (null when fewer than two did).</param>
/// <param name="Decision">Whether to hold another round.</param>
/// <param name="Explanation">The decision in Chinese, for the organiser.</param>
public sealed record DelphiRoundSummary(int Round, IReadOnlyList<KeyValuePair<string, ItemStatistics>> Items, KendallResult? Agreement, DelphiDecision Decision, string Explanation);

/// <summary>德尔菲法 – rounds of anonymous answers. Each expert's answers are keyed by an opaque id; what the
/// summary shows is only aggregates.</summary>
public static class Delphi
{
    /// <summary>Summarises one round.</summary>
    /// <param name="round">The round number, from 1.</param>
    /// <param name="items">The items' keys in questionnaire order.</param>
    /// <param name="answers">Per expert (opaque key), the item scores they gave; an expert may skip items.</param>
    /// <param name="rule">The stopping rule; <see cref="DelphiStoppingRule.Default"/> when null.</param>
    public static DelphiRoundSummary Summarize(int round, IReadOnlyList<string> items, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> answers, DelphiStoppingRule? rule = null)
    {
        rule ??= DelphiStoppingRule.Default;
        if (round < 1)
        {
            throw new EvaluationException("轮次从 1 开始。");
        }

        if (items.Count == 0 || items.Distinct().Count() != items.Count)
        {
            throw new EvaluationException("问卷条目不能为空，也不能重复。");
        }

        var unknown = answers.Values.SelectMany(a => a.Keys).Except(items).FirstOrDefault();
        if (unknown is not null)
        {
            throw new EvaluationException($"答卷中有问卷之外的条目「{unknown}」。");
        }

        var statistics = new List<KeyValuePair<string, ItemStatistics>>(items.Count);
        foreach (var item in items)
        {
            var values = answers.Values.Where(a => a.ContainsKey(item)).Select(a => a[item]).ToList();
            if (values.Count == 0)
            {
                throw new EvaluationException($"条目「{item}」本轮无人作答。");
            }

            statistics.Add(new(item, ItemStatistics.Of(values)));
        }

        var complete = answers.Values.Where(a => items.All(a.ContainsKey)).Select(a => (IReadOnlyList<double>)[.. items.Select(i => a[i])]).ToList();
        var agreement = complete.Count >= 2 && items.Count >= 2 ? KendallW.Compute(complete) : null;

        var worstCv = statistics.Max(s => s.Value.CoefficientOfVariation);
        var concordant = agreement is null || (agreement.W >= rule.MinKendallW && agreement.PValue < rule.Significance);
        var consensus = worstCv <= rule.MaxCoefficientOfVariation && concordant;
        var agreementText = agreement is null ? "无法计算和谐系数" : $"W = {agreement.W:0.000}（p = {agreement.PValue:0.000}）";
        var (decision, text) = consensus
            ? (DelphiDecision.ConsensusReached, $"第 {round} 轮已达成共识：各条目变异系数均不超过 {rule.MaxCoefficientOfVariation:0.##}，{agreementText}。")
            : round >= rule.MaxRounds
                ? (DelphiDecision.MaxRoundsReached, $"已进行 {round} 轮，达到最大轮次，停止征询（最大变异系数 {worstCv:0.000}，{agreementText}）。")
                : (DelphiDecision.Continue, $"第 {round} 轮尚未达成共识（最大变异系数 {worstCv:0.000}，{agreementText}），请将统计结果反馈专家后进行下一轮。");
        return new DelphiRoundSummary(round, statistics, agreement, decision, text);
    }
}
