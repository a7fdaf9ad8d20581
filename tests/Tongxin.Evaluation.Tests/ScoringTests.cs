namespace Tongxin.Evaluation.Tests;

public class ScoringTests
{
    private static ScoredEntity Member(string name, double meetings, double proposals, double overdueDays) =>
        new(name, name, new Dictionary<string, double> { ["meetings"] = meetings, ["proposals"] = proposals, ["overdue"] = overdueDays });

    [Fact]
    public void Min_max_scores_are_weighted_and_ranked_best_first()
    {
        Indicator[] indicators =
        [
            new("meetings", "出席会议", 0.5),
            new("proposals", "提交提案", 0.3),
            new("overdue", "超期天数", 0.2, IndicatorDirection.LowerIsBetter),
        ];

        var ranked = CompositeScoring.Rank(indicators, [Member("张委员", 10, 2, 0), Member("李委员", 6, 6, 10), Member("王委员", 8, 4, 5)]);

        // 张: 0.5·1 + 0.3·0 + 0.2·1 = 0.7; 李: 0 + 0.3 + 0 = 0.3; 王: 0.25 + 0.15 + 0.1 = 0.5.
        ranked.Select(r => (r.Rank, r.EntityName)).ShouldBe([(1, "张委员"), (2, "王委员"), (3, "李委员")]);
        ranked.Select(r => r.Score).ShouldBe([0.7, 0.5, 0.3], 1e-12);
        ranked[0].Normalized["overdue"].ShouldBe(1);
        ranked[2].Normalized["overdue"].ShouldBe(0);
    }

    [Fact]
    public void Equal_scores_share_a_rank_and_the_next_rank_is_skipped()
    {
        Indicator[] indicators = [new("meetings", "出席会议", 2), new("proposals", "提交提案", 2)];

        var ranked = CompositeScoring.Rank(indicators, [Member("甲", 10, 0, 0), Member("乙", 0, 10, 0), Member("丙", 10, 10, 0), Member("丁", 0, 0, 0)]);

        ranked.Select(r => (r.Rank, r.EntityName)).ShouldBe([(1, "丙"), (2, "甲"), (2, "乙"), (4, "丁")]);
        ranked.Select(r => r.Score).ShouldBe([1, 0.5, 0.5, 0], 1e-12);
    }

    [Fact]
    public void Z_scores_use_the_population_deviation_and_turn_for_lower_is_better()
    {
        var values = new double[] { 2, 4, 4, 4, 5, 5, 7, 9 };   // mean 5, SD 2

        CompositeScoring.Normalize(new Indicator("x", "x", 1, Normalization: Normalization.ZScore), values)
            .ShouldBe([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2], 1e-12);
        CompositeScoring.Normalize(new Indicator("x", "x", 1, IndicatorDirection.LowerIsBetter, Normalization.ZScore), values)
            .ShouldBe([1.5, 0.5, 0.5, 0.5, 0, 0, -1, -2], 1e-12);
    }

    [Fact]
    public void Toward_target_scores_one_at_the_target_and_zero_at_the_furthest_value()
    {
        // 办理时长 should be about 60 days: neither rushed nor late.
        var indicator = new Indicator("days", "办理时长", 1, Normalization: Normalization.TowardTarget, Target: 60);

        CompositeScoring.Normalize(indicator, [60, 30, 90, 120, 50]).ShouldBe([1, 0.5, 0.5, 0, 50.0 / 60], 1e-12);
    }

    [Fact]
    public void When_everyone_is_equal_no_one_falls_behind()
    {
        CompositeScoring.Normalize(new Indicator("x", "x", 1), [3, 3, 3]).ShouldBe([1.0, 1.0, 1.0]);
        CompositeScoring.Normalize(new Indicator("x", "x", 1, Normalization: Normalization.ZScore), [3, 3]).ShouldBe([0.0, 0.0]);
    }

    [Fact]
    public void Missing_values_and_bad_indicators_are_refused_in_chinese()
    {
        var entity = new ScoredEntity("1", "张委员", new Dictionary<string, double> { ["meetings"] = 3 });

        Should.Throw<EvaluationException>(() => CompositeScoring.Rank([new("proposals", "提交提案", 1)], [entity]))
            .Message.ShouldBe("「张委员」缺少指标「提交提案」的数值。");
        Should.Throw<EvaluationException>(() => CompositeScoring.Rank([new("meetings", "出席会议", -1)], [entity]))
            .Message.ShouldBe("指标「出席会议」的权重不能为负数。");
        Should.Throw<EvaluationException>(() => CompositeScoring.Rank([new("meetings", "出席会议", 1, Normalization: Normalization.TowardTarget)], [entity]))
            .Message.ShouldBe("指标「出席会议」采用目标值标准化，须给出有效的目标值。");
        Should.Throw<EvaluationException>(() => CompositeScoring.Rank([new("meetings", "出席会议", 0)], [entity]))
            .Message.ShouldBe("指标权重不能全部为 0。");
    }

    [Fact]
    public void The_papers_global_weights_score_entities_end_to_end()
    {
        // Weights from the paper's hierarchy feed the indicators directly.
        var leaves = HierarchyEvaluation.Evaluate(PaperMatrices.Hierarchy()).Leaves.ToList();
        var indicators = leaves.Select(l => new Indicator(l.Id, l.Name, l.Global)).ToList();
        var strong = new ScoredEntity("a", "甲县", leaves.ToDictionary(l => l.Id, _ => 90.0));
        var weak = new ScoredEntity("b", "乙县", leaves.ToDictionary(l => l.Id, l => l.Id == "C1.2" ? 95.0 : 60.0));

        var ranked = CompositeScoring.Rank(indicators, [weak, strong]);

        ranked[0].EntityName.ShouldBe("甲县");
        // 乙县 wins only 协同联动机制, so its score is that criterion's global weight.
        ranked[1].Score.ShouldBe(leaves.Single(l => l.Id == "C1.2").Global, 1e-12);
    }
}
