namespace Tongxin.Evaluation;

/// <summary>不一致判断 – one judgment a_ij with how far it is from what the weights imply.</summary>
/// <param name="Row">i (zero-based), the item judged more or less important.</param>
/// <param name="Column">j (zero-based), the item it is compared with.</param>
/// <param name="Given">The judgment given, a_ij.</param>
/// <param name="Implied">What the other judgments imply for a_ij: the geometric mean of the indirect
/// comparisons a_ik · a_kj over every other item k (w_i / w_j for a consistent matrix).</param>
/// <param name="Suggested">The scale value that, put in place of a_ij, gives the lowest CR (of equally good
/// values, the one nearest to <paramref name="Implied"/>): what to offer the expert.</param>
/// <param name="Deviation">|ln(a_ij · w_j / w_i)| with the principal eigenvector w: 0 when the judgment agrees
/// with the weights; ln 3 ≈ 1.1 means three times too strong or too weak.</param>
/// <param name="CrIfSuggested">The matrix's CR with this one judgment replaced by <paramref name="Suggested"/>.</param>
public sealed record InconsistentJudgment(int Row, int Column, double Given, double Implied, double Suggested, double Deviation, double CrIfSuggested);

/// <summary>不一致诊断 – which judgments of an inconsistent matrix contribute most to its inconsistency, and the
/// value that would restore it. λmax − n is driven by the ratios ε_ij = a_ij · w_j / w_i (λmax = n exactly
/// when all are 1, and λmax = (1/n)·Σ_ij ε_ij for the eigenvector w), so the judgments whose ε is furthest
/// from 1 on the log axis are the ones to revisit. The suggestion is not simply w_i / w_j snapped to the
/// scale: a badly wrong judgment drags the weights towards itself (an 8 turned into 1/8 among 4 items
/// leaves w_i / w_j ≈ 1/2), and a snapped ratio can equal the judgment already given, so repeated hints
/// would stall. Instead each of the 17 scale values is tried in the judgment's place and the one that
/// restores consistency best is offered, with what the other judgments imply shown beside it.</summary>
public static class InconsistencyDiagnosis
{
    /// <summary>Every judgment above the diagonal, worst first. The one to change first is the one whose
    /// <see cref="InconsistentJudgment.CrIfSuggested"/> is lowest – usually among the worst few.</summary>
    public static IReadOnlyList<InconsistentJudgment> Diagnose(PairwiseMatrix matrix, AhpOptions? options = null)
    {
        options ??= AhpOptions.Default;
        var n = matrix.Order;
        var (_, w) = Priorities.PrincipalEigen(matrix);
        var result = new List<InconsistentJudgment>(n * (n - 1) / 2);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var given = matrix[i, j];
                var implied = n > 2 ? Indirect(matrix, i, j) : given;
                var (suggested, cr) = SaatyScale.Values
                    .Select(v => (Value: v, CR: Consistency.Check(matrix.WithJudgment(i, j, v), options).CR))
                    .MinBy(x => (Math.Round(x.CR, 12), Math.Abs(Math.Log(x.Value / implied))));
                result.Add(new InconsistentJudgment(i, j, given, implied, suggested, Math.Abs(Math.Log(given * w[j] / w[i])), cr));
            }
        }

        return [.. result.OrderByDescending(r => r.Deviation).ThenBy(r => r.Row).ThenBy(r => r.Column)];
    }

    private static double Indirect(PairwiseMatrix matrix, int i, int j)
    {
        var logs = 0.0;
        for (var k = 0; k < matrix.Order; k++)
        {
            if (k != i && k != j)
            {
                logs += Math.Log(matrix[i, k] * matrix[k, j]);
            }
        }

        return Math.Exp(logs / (matrix.Order - 2));
    }

    /// <summary>A Chinese hint for one judgment, e.g. "「A」对「B」的判断为 1/5，与其他判断推算的 2.1 相差较大，建议改为 2（修改后 CR = 0.012）。".</summary>
    public static string Hint(InconsistentJudgment judgment, IReadOnlyList<string> labels) =>
        $"「{labels[judgment.Row]}」对「{labels[judgment.Column]}」的判断为 {SaatyScale.Format(judgment.Given)}，" +
        $"与其他判断推算的 {judgment.Implied:0.##} 相差较大，建议改为 {SaatyScale.Format(judgment.Suggested)}" +
        $"（修改后 CR = {judgment.CrIfSuggested:0.000}）。";
}
