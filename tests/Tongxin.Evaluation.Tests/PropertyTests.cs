namespace Tongxin.Evaluation.Tests;

/// <summary>Properties over many random cases (fixed seeds, so a failure names its case and repeats).</summary>
public class PropertyTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 60)];

    private static double[] RandomWeights(Random random, int n)
    {
        var w = Enumerable.Range(0, n).Select(_ => 0.05 + random.NextDouble()).ToArray();
        var sum = w.Sum();
        return [.. w.Select(x => x / sum)];
    }

    private static PairwiseMatrix RandomScaleMatrix(Random random, int n)
    {
        var judgments = Enumerable.Range(0, n * (n - 1) / 2)
            .Select(_ => SaatyScale.Values[random.Next(SaatyScale.Values.Count)])
            .ToArray();
        return PairwiseMatrix.FromUpperTriangle(n, judgments, MatrixRules.ExpertAnswer);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_consistent_matrix_returns_its_weights_by_every_method_with_CI_zero(int seed)
    {
        var random = new Random(seed);
        var n = 2 + random.Next(14);
        var weights = RandomWeights(random, n);
        var matrix = PairwiseMatrix.FromWeights(weights);

        foreach (var method in Enum.GetValues<WeightMethod>())
        {
            var result = Ahp.Analyze(matrix, method);
            result.Weights.Zip(weights).ShouldAllBe(p => Math.Abs(p.First - p.Second) < 1e-12, $"{method}, n = {n}");
            result.Consistency.CI.ShouldBe(0, 1e-12);
            result.Consistency.CR.ShouldBe(0, 1e-11);
            result.Consistency.LambdaMax.ShouldBe(n, 1e-10);
        }

        InconsistencyDiagnosis.Diagnose(matrix).ShouldAllBe(j => j.Deviation < 1e-12);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Matrices_are_reciprocal_and_lambda_max_is_at_least_n(int seed)
    {
        var random = new Random(seed);
        var n = 3 + random.Next(13);
        var matrix = RandomScaleMatrix(random, n);

        for (var i = 0; i < n; i++)
        {
            matrix[i, i].ShouldBe(1);
            for (var j = 0; j < n; j++)
            {
                (matrix[i, j] * matrix[j, i]).ShouldBe(1, 1e-12);
            }
        }

        var consistency = Consistency.Check(matrix);
        consistency.LambdaMax.ShouldBeGreaterThanOrEqualTo(n - 1e-9);
        var (lambda, vector) = Priorities.PrincipalEigen(matrix);
        for (var i = 0; i < n; i++)
        {
            // A w = λ w: the eigenvector really is one.
            Enumerable.Range(0, n).Sum(j => matrix[i, j] * vector[j]).ShouldBe(lambda * vector[i], 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Aggregating_identical_experts_equals_one_expert(int seed)
    {
        var random = new Random(seed);
        var n = 3 + random.Next(7);
        var expert = RandomScaleMatrix(random, n);
        var panel = Enumerable.Repeat(expert, 1 + random.Next(20)).ToArray();

        var aggregated = GroupAggregation.AggregateJudgments(panel);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                aggregated[i, j].ShouldBe(expert[i, j], 1e-12);
            }
        }

        var alone = Priorities.Compute(expert);
        foreach (var aggregation in Enum.GetValues<PriorityAggregation>())
        {
            GroupAggregation.AggregatePriorities(panel, aggregation: aggregation).Zip(alone)
                .ShouldAllBe(p => Math.Abs(p.First - p.Second) < 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_geometric_mean_of_different_experts_stays_reciprocal(int seed)
    {
        var random = new Random(seed);
        var n = 3 + random.Next(7);
        var panel = Enumerable.Range(0, 2 + random.Next(10)).Select(_ => RandomScaleMatrix(random, n)).ToArray();

        var aggregated = GroupAggregation.AggregateJudgments(panel);

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                (aggregated[i, j] * aggregated[j, i]).ShouldBe(1, 1e-12);
            }
        }

        // And it is a valid matrix by the published-matrix rules (within [1/9, 9]).
        PairwiseMatrix.FromRows(aggregated.ToRows()).Order.ShouldBe(n);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Identical_rankings_have_a_Kendall_W_of_one_even_with_ties(int seed)
    {
        var random = new Random(seed);
        var items = 2 + random.Next(12);
        // Scores on a 1–5 scale, so ties are common.
        var scores = Enumerable.Range(0, items).Select(_ => (double)random.Next(1, 6)).ToArray();
        if (scores.Distinct().Count() == 1)
        {
            scores[0] += 1;
        }

        var experts = Enumerable.Repeat<IReadOnlyList<double>>(scores, 2 + random.Next(15)).ToArray();

        KendallW.Compute(experts).W.ShouldBe(1, 1e-12);
    }
}
