namespace Tongxin.Evaluation.Tests;

public class PairwiseMatrixTests
{
    private static readonly string[] Labels = ["会议履职", "提案工作", "社情民意"];

    [Fact]
    public void An_upper_triangle_is_completed_with_ones_and_reciprocals()
    {
        var matrix = PairwiseMatrix.FromUpperTriangle(3, [3, 5, 1.0 / 2], MatrixRules.ExpertAnswer);

        matrix.ToRows().ShouldBe([[1, 3, 5], [1.0 / 3, 1, 1.0 / 2], [1.0 / 5, 2, 1]]);
    }

    [Fact]
    public void A_non_positive_judgment_is_refused_naming_the_cell()
    {
        Should.Throw<EvaluationException>(() => PairwiseMatrix.FromRows([[1, 0, 2], [1, 1, 1], [0.5, 1, 1]]))
            .Message.ShouldBe("第 1 行第 2 列必须为正数（当前为 0）。");
        Should.Throw<EvaluationException>(() => PairwiseMatrix.FromUpperTriangle(3, [3, -2, 1], labels: Labels))
            .Message.ShouldBe("「会议履职」对「社情民意」的判断必须为正数（当前为 -2）。");
    }

    [Fact]
    public void A_non_reciprocal_pair_is_refused()
    {
        Should.Throw<EvaluationException>(() => PairwiseMatrix.FromRows([[1, 3, 2], [0.5, 1, 1], [0.5, 1, 1]], labels: Labels))
            .Message.ShouldBe("「会议履职」对「提案工作」的判断（3）与「提案工作」对「会议履职」的判断（0.5）不互为倒数，两者之积应为 1。");
    }

    [Fact]
    public void A_diagonal_other_than_one_is_refused()
    {
        Should.Throw<EvaluationException>(() => PairwiseMatrix.FromRows([[2, 1], [1, 1]]))
            .Message.ShouldBe("对角线上第 1 行第 1 列必须为 1（当前为 2）。");
    }

    [Fact]
    public void A_matrix_of_the_wrong_shape_or_size_is_refused()
    {
        Should.Throw<EvaluationException>(() => PairwiseMatrix.FromRows([[1, 2, 3], [0.5, 1]]))
            .Message.ShouldBe("判断矩阵应为 2 行 2 列，第 1 行却有 3 个值。");
        Should.Throw<EvaluationException>(() => PairwiseMatrix.FromUpperTriangle(4, [1, 2, 3]))
            .Message.ShouldBe("4 个指标需要 6 个两两比较判断，实际收到 3 个。");
        Should.Throw<EvaluationException>(() => PairwiseMatrix.FromWeights(Enumerable.Repeat(1.0, 16).ToArray()))
            .Message.ShouldBe("同一层级最多比较 15 个指标（当前 16 个），请拆分为更多层级。");
        Should.Throw<EvaluationException>(() => PairwiseMatrix.FromUpperTriangle(3, [1, 1, 1], labels: ["甲", "乙"]))
            .Message.ShouldBe("判断矩阵为 3 阶，指标名称却有 2 个。");
    }

    [Fact]
    public void An_expert_may_answer_only_scale_values()
    {
        Should.Throw<EvaluationException>(() => PairwiseMatrix.FromUpperTriangle(3, [2.5, 1, 1], MatrixRules.ExpertAnswer))
            .Message.ShouldBe("第 1 行第 2 列（2.5）不在 1–9 标度上，只能取 1–9 的整数或其倒数。");
        PairwiseMatrix.FromUpperTriangle(3, [0.1111, 9, 1.0 / 7], MatrixRules.ExpertAnswer).Order.ShouldBe(3);
    }

    [Fact]
    public void Aggregated_values_must_stay_within_the_scales_range()
    {
        PairwiseMatrix.FromUpperTriangle(3, [2.8127, 1, 1]).Order.ShouldBe(3);
        Should.Throw<EvaluationException>(() => PairwiseMatrix.FromUpperTriangle(3, [12, 1, 1]))
            .Message.ShouldBe("第 1 行第 2 列（12）超出 1–9 标度的范围（1/9 至 9）。");
        PairwiseMatrix.FromUpperTriangle(3, [12, 1, 1], new MatrixRules(ScaleRule.AnyPositive)).Order.ShouldBe(3);
    }

    [Fact]
    public void A_published_matrix_rounded_to_four_decimals_passes_as_reciprocal()
    {
        // 3.1162 × 0.3210 = 1.0003 in Table 2.
        PairwiseMatrix.FromRows(PaperMatrices.Table2).Order.ShouldBe(3);
        Should.Throw<EvaluationException>(() => PairwiseMatrix.FromRows(PaperMatrices.Table2, new MatrixRules(ReciprocalTolerance: 1e-4)));
    }

    [Theory]
    [InlineData(4.4, 4)]
    [InlineData(4.6, 5)]
    [InlineData(1 / 4.4, 1.0 / 4)]
    [InlineData(0.95, 1)]
    [InlineData(30, 9)]
    [InlineData(0.01, 1.0 / 9)]
    public void A_ratio_snaps_to_the_nearest_scale_value_on_the_log_axis(double ratio, double expected)
    {
        SaatyScale.Snap(ratio).ShouldBe(expected);
    }

    [Fact]
    public void The_scales_words_are_the_papers()
    {
        SaatyScale.Values.Count.ShouldBe(17);
        SaatyScale.Describe(1).ShouldBe("同等重要");
        SaatyScale.Describe(3).ShouldBe("稍重要");
        SaatyScale.Describe(1.0 / 5).ShouldBe("颇重要");
        SaatyScale.Describe(7).ShouldBe("极重要");
        SaatyScale.Describe(9).ShouldBe("绝对重要");
        SaatyScale.Describe(6).ShouldBe("介于颇重要与极重要之间");
        SaatyScale.Format(1.0 / 3).ShouldBe("1/3");
        SaatyScale.Format(7).ShouldBe("7");
    }
}
