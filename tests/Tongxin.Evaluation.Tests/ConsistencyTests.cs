namespace Tongxin.Evaluation.Tests;

public class ConsistencyTests
{
    // A classic inconsistent answer: A > B (3), B > C (3), yet C > A (3).
    private static PairwiseMatrix Circular() => PairwiseMatrix.FromUpperTriangle(3, [3, 1.0 / 3, 3], MatrixRules.ExpertAnswer);

    [Fact]
    public void A_circular_judgment_fails_the_check_with_a_hint()
    {
        var result = Consistency.Check(Circular());

        // The matrix is circulant, so its weights are equal and λmax is a row sum: 1 + 3 + 1/3 = 4.333;
        // CI = 0.667, CR = 1.282.
        result.LambdaMax.ShouldBe(1 + 3 + (1.0 / 3), 1e-9);
        result.CR.ShouldBe(result.CI / 0.52, 1e-15);
        result.IsAcceptable.ShouldBeFalse();
        result.Summary.ShouldBe($"CR = {result.CR:0.0000} > 0.1，判断前后矛盾较大，请调整判断矩阵。");
    }

    [Fact]
    public void The_threshold_and_the_random_index_table_are_configurable()
    {
        var matrix = PairwiseMatrix.FromUpperTriangle(3, [2, 5, 3], MatrixRules.ExpertAnswer);

        var standard = Consistency.Check(matrix);
        var saaty = Consistency.Check(matrix, new AhpOptions(RandomIndex: RandomIndexTable.Saaty1980));
        var strict = Consistency.Check(matrix, new AhpOptions(CrThreshold: 0.001));

        standard.RI.ShouldBe(0.52);
        saaty.RI.ShouldBe(0.58);
        saaty.CR.ShouldBe(standard.CI / 0.58, 1e-15);
        standard.IsAcceptable.ShouldBeTrue();
        strict.IsAcceptable.ShouldBeFalse();
    }

    [Fact]
    public void The_standard_random_index_covers_orders_1_to_15()
    {
        Enumerable.Range(1, 15).Select(n => RandomIndexTable.Standard[n])
            .ShouldBe([0, 0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]);
        Enumerable.Range(1, 15).Select(n => RandomIndexTable.Saaty1980[n])
            .ShouldBe([0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]);
    }

    [Fact]
    public void Two_items_are_always_consistent()
    {
        var result = Consistency.Check(PairwiseMatrix.FromUpperTriangle(2, [7]));

        result.CI.ShouldBe(0);
        result.CR.ShouldBe(0);
        result.IsAcceptable.ShouldBeTrue();
    }

    [Fact]
    public void Every_method_approximates_the_eigenvector_on_a_moderately_inconsistent_matrix()
    {
        // Saaty's usual illustration: judgments on the scale with CR < 0.1.
        var matrix = PairwiseMatrix.FromUpperTriangle(4, [3, 5, 7, 2, 4, 2], MatrixRules.ExpertAnswer);
        var reference = Priorities.Compute(matrix, WeightMethod.Eigenvector);

        Consistency.Check(matrix).IsAcceptable.ShouldBeTrue();
        foreach (var method in Enum.GetValues<WeightMethod>())
        {
            var weights = Priorities.Compute(matrix, method);
            weights.Sum().ShouldBe(1, 1e-12);
            weights.Zip(reference).ShouldAllBe(p => Math.Abs(p.First - p.Second) < 0.03, method.ToString());
        }
    }
}
