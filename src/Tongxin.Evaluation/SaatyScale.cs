namespace Tongxin.Evaluation;

/// <summary>1–9 标度 – Saaty's ratio scale for pairwise judgments: 1, 3, 5, 7, 9 for equal … absolute
/// importance, 2, 4, 6, 8 in between, and their reciprocals when the second item is the more important.
/// The words are the paper's (同等重要、稍重要、颇重要、极重要、绝对重要).</summary>
public static class SaatyScale
{
    /// <summary>The largest judgment (9, 绝对重要); the smallest is its reciprocal.</summary>
    public const double Max = 9;

    /// <summary>The smallest judgment, 1/9.</summary>
    public const double Min = 1.0 / 9;

    /// <summary>Every value on the scale in ascending order: 1/9 … 1/2, 1, 2 … 9.</summary>
    public static IReadOnlyList<double> Values { get; } =
        [.. Enumerable.Range(2, 8).Reverse().Select(k => 1.0 / k), .. Enumerable.Range(1, 9).Select(k => (double)k)];

    /// <summary>Whether <paramref name="value"/> is one of the 17 scale values (within rounding of a stored
    /// reciprocal such as 0.3333).</summary>
    public static bool IsOnScale(double value, double tolerance = 1e-3) =>
        double.IsFinite(value) && value > 0 && Values.Any(v => Math.Abs(Math.Log(value / v)) <= tolerance);

    /// <summary>The scale value nearest to a ratio, measured on the logarithmic axis the scale lives on
    /// (so 1/4.4 and 4.4 snap symmetrically); ratios beyond the ends snap to 1/9 or 9.</summary>
    public static double Snap(double ratio)
    {
        if (!double.IsFinite(ratio) || ratio <= 0)
        {
            throw new EvaluationException($"判断值必须为正数（当前为 {ratio}）。");
        }

        var log = Math.Log(ratio);
        return Values.MinBy(v => Math.Abs(Math.Log(v) - log));
    }

    /// <summary>The words for a judgment's strength, whichever item it favours: 5 and 1/5 are both 颇重要,
    /// because the slider shows the words on the side of the more important item.</summary>
    public static string Describe(double judgment)
    {
        var strength = judgment >= 1 ? judgment : 1 / judgment;
        return Math.Round(strength) switch
        {
            1 => "同等重要",
            2 => "介于同等重要与稍重要之间",
            3 => "稍重要",
            4 => "介于稍重要与颇重要之间",
            5 => "颇重要",
            6 => "介于颇重要与极重要之间",
            7 => "极重要",
            8 => "介于极重要与绝对重要之间",
            _ => "绝对重要",
        };
    }

    /// <summary>Text such as "1/3" or "5" for a scale value (reciprocals as fractions, as judges write them).</summary>
    public static string Format(double judgment) =>
        judgment >= 1 ? Math.Round(judgment).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "1/" + Math.Round(1 / judgment).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
