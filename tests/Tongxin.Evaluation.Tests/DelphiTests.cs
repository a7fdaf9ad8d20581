namespace Tongxin.Evaluation.Tests;

public class DelphiTests
{
    private static readonly string[] Items = ["会议履职", "提案工作", "社情民意", "调研视察"];

    private static Dictionary<string, IReadOnlyDictionary<string, double>> Answers(params double[][] rows) =>
        rows.Select((row, k) => (Key: $"专家{k + 1}", Values: (IReadOnlyDictionary<string, double>)Items.Zip(row).ToDictionary(p => p.First, p => p.Second)))
            .ToDictionary(x => x.Key, x => x.Values);

    [Fact]
    public void An_items_statistics_are_median_quartiles_and_coefficient_of_variation()
    {
        var stats = ItemStatistics.Of([7, 4, 2, 9, 4, 5]);

        stats.Count.ShouldBe(6);
        stats.Mean.ShouldBe(31.0 / 6, 1e-12);
        stats.Median.ShouldBe(4.5);
        stats.LowerQuartile.ShouldBe(4);
        stats.UpperQuartile.ShouldBe(6.5);
        stats.InterquartileRange.ShouldBe(2.5);
        stats.StandardDeviation.ShouldBe(2.48327740429189, 1e-12);
        stats.CoefficientOfVariation.ShouldBe(0.4806343363145593, 1e-12);
    }

    [Fact]
    public void Kendalls_W_of_three_experts_ranking_four_items()
    {
        // Ranks (1 = best): A 1 2 3 4, B 1 3 2 4, C 2 1 3 4 → rank sums 4, 6, 8, 12, mean 7.5,
        // S = 35, W = 12·35 / (3²·(4³ − 4)) = 0.7778; χ² = 3·3·W = 7.0 with 3 degrees of freedom, p = 0.0719.
        var result = KendallW.Compute([[9, 7, 5, 1], [9, 5, 7, 1], [7, 9, 5, 1]]);

        result.W.ShouldBe(420.0 / 540, 1e-12);
        result.ChiSquare.ShouldBe(7, 1e-12);
        result.DegreesOfFreedom.ShouldBe(3);
        result.PValue.ShouldBe(0.0719, 1e-4);
    }

    [Fact]
    public void Kendalls_W_corrects_for_ties()
    {
        // Expert 1 ties the first two items (ranks 1.5, 1.5, 3; T = 2³ − 2 = 6). Rank sums 4.5, 4.5, 9,
        // S = 13.5: W = 162 / (9·24 − 3·6) = 0.8182 (0.75 without the correction).
        KendallW.Compute([[5, 5, 3], [5, 4, 3], [4, 5, 3]]).W.ShouldBe(162.0 / 198, 1e-12);
    }

    [Theory]
    [InlineData(3.841459, 1)]
    [InlineData(7.814728, 3)]
    [InlineData(18.307038, 10)]
    [InlineData(24.995790, 15)]
    public void The_significance_uses_the_chi_square_upper_tail(double criticalValue, int degreesOfFreedom)
    {
        ChiSquareDistribution.UpperTail(criticalValue, degreesOfFreedom).ShouldBe(0.05, 1e-6);
    }

    [Fact]
    public void Kendalls_W_needs_complete_answers_from_two_experts()
    {
        Should.Throw<EvaluationException>(() => KendallW.Compute([[1, 2, 3]])).Message.ShouldBe("计算肯德尔和谐系数至少需要 2 位专家。");
        Should.Throw<EvaluationException>(() => KendallW.Compute([[1, 2, 3], [1, 2]]))
            .Message.ShouldBe("第 2 位专家只评了 2 个条目，应评 3 个；未答全的专家不能参与和谐系数计算。");
    }

    [Fact]
    public void A_scattered_first_round_continues_and_a_converged_second_round_stops()
    {
        var first = Delphi.Summarize(1, Items, Answers([9, 5, 3, 1], [3, 9, 1, 5], [5, 1, 9, 3], [1, 3, 5, 9]));

        first.Decision.ShouldBe(DelphiDecision.Continue);
        first.Explanation.ShouldStartWith("第 1 轮尚未达成共识");
        first.Items.Select(i => i.Key).ShouldBe(Items);

        var second = Delphi.Summarize(2, Items, Answers([9, 7, 5, 3], [9, 8, 5, 3], [8, 7, 4, 3], [9, 7, 5, 2]));

        second.Decision.ShouldBe(DelphiDecision.ConsensusReached);
        second.Agreement!.W.ShouldBeGreaterThan(0.9);
        second.Agreement.PValue.ShouldBeLessThan(0.05);
        second.Items.ShouldAllBe(i => i.Value.CoefficientOfVariation <= 0.25);
        second.Explanation.ShouldStartWith("第 2 轮已达成共识");
    }

    [Fact]
    public void Without_consensus_the_last_round_stops_the_consultation()
    {
        var rule = new DelphiStoppingRule(MaxRounds: 2);
        var scattered = Answers([9, 5, 3, 1], [3, 9, 1, 5], [5, 1, 9, 3], [1, 3, 5, 9]);

        Delphi.Summarize(1, Items, scattered, rule).Decision.ShouldBe(DelphiDecision.Continue);
        var last = Delphi.Summarize(2, Items, scattered, rule);

        last.Decision.ShouldBe(DelphiDecision.MaxRoundsReached);
        last.Explanation.ShouldStartWith("已进行 2 轮，达到最大轮次，停止征询");
    }

    [Fact]
    public void An_expert_who_skipped_an_item_counts_for_that_items_statistics_only()
    {
        var answers = Answers([9, 7, 5, 3], [9, 8, 5, 3], [8, 7, 4, 3]);
        answers["专家4"] = new Dictionary<string, double> { ["会议履职"] = 1 };

        var summary = Delphi.Summarize(1, Items, answers);

        summary.Items[0].Value.Count.ShouldBe(4);
        summary.Items[1].Value.Count.ShouldBe(3);
        // Kendall's W from the three complete answer sheets only.
        summary.Agreement!.W.ShouldBe(KendallW.Compute([[9, 7, 5, 3], [9, 8, 5, 3], [8, 7, 4, 3]]).W);
    }

    [Fact]
    public void Answers_outside_the_questionnaire_or_unanswered_items_are_refused()
    {
        var answers = Answers([9, 7, 5, 3]);
        answers["专家2"] = new Dictionary<string, double> { ["网络议政"] = 5 };

        Should.Throw<EvaluationException>(() => Delphi.Summarize(1, Items, answers)).Message.ShouldBe("答卷中有问卷之外的条目「网络议政」。");

        var partial = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["专家1"] = new Dictionary<string, double> { ["会议履职"] = 5 } };
        Should.Throw<EvaluationException>(() => Delphi.Summarize(1, Items, partial)).Message.ShouldBe("条目「提案工作」本轮无人作答。");
    }
}
