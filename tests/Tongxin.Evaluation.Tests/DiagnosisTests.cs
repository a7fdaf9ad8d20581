namespace Tongxin.Evaluation.Tests;

public class DiagnosisTests
{
    private static readonly string[] Labels = ["会议履职", "提案工作", "社情民意", "调研视察"];

    [Fact]
    public void The_judgment_that_was_turned_around_is_pointed_out_first_with_the_value_that_restores_consistency()
    {
        // Weights 8 : 4 : 2 : 1 give a consistent matrix on the scale; the expert slipped on 会议履职 vs
        // 调研视察 and answered 1/8 instead of 8.
        var consistent = PairwiseMatrix.FromWeights([8, 4, 2, 1]);
        var slipped = consistent.WithJudgment(0, 3, 1.0 / 8);
        Consistency.Check(slipped).IsAcceptable.ShouldBeFalse();

        var diagnosis = InconsistencyDiagnosis.Diagnose(slipped);

        diagnosis.Count.ShouldBe(6);
        var worst = diagnosis[0];
        (worst.Row, worst.Column).ShouldBe((0, 3));
        worst.Given.ShouldBe(1.0 / 8);
        // The other judgments say 8 (会议履职 : 提案工作 : 调研视察 = 2 · 4, via 社情民意 4 · 2).
        worst.Implied.ShouldBe(8, 1e-12);
        worst.Suggested.ShouldBe(8);
        worst.CrIfSuggested.ShouldBe(0, 1e-12);
        diagnosis.Skip(1).ShouldAllBe(j => j.Deviation < worst.Deviation);
        diagnosis.Select(j => j.Deviation).ShouldBeInOrder(SortDirection.Descending);
        InconsistencyDiagnosis.Hint(worst, Labels).ShouldStartWith("「会议履职」对「调研视察」的判断为 1/8，与其他判断推算的");
        InconsistencyDiagnosis.Hint(worst, Labels).ShouldContain($"建议改为 {SaatyScale.Format(worst.Suggested)}（修改后 CR = ");
    }

    [Fact]
    public void Applying_the_suggestions_in_turn_makes_a_random_inconsistent_matrix_acceptable()
    {
        var random = new Random(7);
        var repaired = 0;
        for (var trial = 0; trial < 40; trial++)
        {
            var matrix = PairwiseMatrix.FromUpperTriangle(5, [.. Enumerable.Range(0, 10).Select(_ => SaatyScale.Values[random.Next(17)])]);
            if (Consistency.Check(matrix).IsAcceptable)
            {
                continue;
            }

            // Follow the most effective hint at most n(n − 1)/2 times.
            for (var step = 0; step < 10 && !Consistency.Check(matrix).IsAcceptable; step++)
            {
                var best = InconsistencyDiagnosis.Diagnose(matrix).MinBy(j => j.CrIfSuggested)!;
                best.CrIfSuggested.ShouldBeLessThan(Consistency.Check(matrix).CR);
                matrix = matrix.WithJudgment(best.Row, best.Column, best.Suggested);
            }

            Consistency.Check(matrix).IsAcceptable.ShouldBeTrue();
            repaired++;
        }

        repaired.ShouldBeGreaterThan(20);
    }
}
