namespace Tongxin.Evaluation.Tests;

public class AggregationTests
{
    [Fact]
    public void Judgments_are_combined_by_their_geometric_mean()
    {
        var a = PairwiseMatrix.FromUpperTriangle(3, [2, 4, 3], MatrixRules.ExpertAnswer);
        var b = PairwiseMatrix.FromUpperTriangle(3, [8, 1, 1.0 / 3], MatrixRules.ExpertAnswer);

        var group = GroupAggregation.AggregateJudgments([a, b]);

        group[0, 1].ShouldBe(4, 1e-12);         // √(2 × 8)
        group[0, 2].ShouldBe(2, 1e-12);         // √(4 × 1)
        group[1, 2].ShouldBe(1, 1e-12);         // √(3 × 1/3)
        group[1, 0].ShouldBe(0.25, 1e-12);
    }

    [Fact]
    public void Expert_weights_tilt_the_group_judgment()
    {
        var a = PairwiseMatrix.FromUpperTriangle(2, [9]);
        var b = PairwiseMatrix.FromUpperTriangle(2, [1]);

        GroupAggregation.AggregateJudgments([a, b], [1, 1])[0, 1].ShouldBe(3, 1e-12);
        GroupAggregation.AggregateJudgments([a, b], [3, 1])[0, 1].ShouldBe(Math.Pow(9, 0.75), 1e-12);
    }

    [Fact]
    public void Priority_vectors_are_combined_geometrically_or_arithmetically()
    {
        var a = PairwiseMatrix.FromWeights([0.8, 0.2]);
        var b = PairwiseMatrix.FromWeights([0.2, 0.8]);

        GroupAggregation.AggregatePriorities([a, b]).ShouldBe([0.5, 0.5], 1e-12);
        GroupAggregation.AggregatePriorities([a, a, b], aggregation: PriorityAggregation.ArithmeticMean).ShouldBe([0.6, 0.4], 1e-12);
        // Geometric: √[3]{0.8² × 0.2} : √[3]{0.2² × 0.8} = 2^(1/3) : 1.
        var geometric = GroupAggregation.AggregatePriorities([a, a, b]);
        (geometric[0] / geometric[1]).ShouldBe(Math.Cbrt(4), 1e-12);
    }

    [Fact]
    public void Experts_must_compare_the_same_items()
    {
        var a = PairwiseMatrix.FromUpperTriangle(2, [3]);
        var b = PairwiseMatrix.FromUpperTriangle(3, [3, 1, 1]);

        Should.Throw<EvaluationException>(() => GroupAggregation.AggregateJudgments([a, b]))
            .Message.ShouldBe("第 2 位专家的判断矩阵为 3 阶，与第 1 位专家的 2 阶不一致。");
        Should.Throw<EvaluationException>(() => GroupAggregation.AggregateJudgments([]))
            .Message.ShouldBe("至少需要一位专家的判断矩阵。");
        Should.Throw<EvaluationException>(() => GroupAggregation.AggregatePriorities([a, a], expertWeights: [1]))
            .Message.ShouldBe("专家权重有 1 个，专家却有 2 位。");
        Should.Throw<EvaluationException>(() => GroupAggregation.AggregateJudgments([a, a], [0, 0]))
            .Message.ShouldBe("专家权重不能为负，且不能全部为 0。");
    }
}
