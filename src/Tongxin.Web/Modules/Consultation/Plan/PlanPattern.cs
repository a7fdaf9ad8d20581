using System.Globalization;
using System.Text.RegularExpressions;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Plan;

/// <summary>年度协商计划格局 – "1+2+6+X": how many consultations of each format (全体会议、常委会议、
/// 主席会议、其他) a plan should hold; "X" means any number.</summary>
public static partial class PlanPattern
{
    public const string Default = "1+2+6+X";

    /// <summary>The formats in the order the pattern lists them.</summary>
    public static readonly PlanFormat[] Formats = [PlanFormat.Plenary, PlanFormat.StandingCommittee, PlanFormat.ChairMeeting, PlanFormat.Other];

    public const string InvalidMessage = "协商格局须为四段，以“+”连接，每段为0至99的数字或X，依次对应全体会议、常委会议、主席会议和其他协商，例如“1+2+6+X”。";

    /// <summary>The expected count per format (null = free), or null when the text is not a pattern.</summary>
    public static IReadOnlyDictionary<PlanFormat, int?>? Parse(string? text)
    {
        var normalized = Normalize(text);
        if (!Shape().IsMatch(normalized))
        {
            return null;
        }

        var parts = normalized.Split('+');
        return Formats.Select((f, i) => (f, parts[i] == "X" ? (int?)null : int.Parse(parts[i], CultureInfo.InvariantCulture)))
            .ToDictionary(x => x.f, x => x.Item2);
    }

    /// <summary>Upper-case X, no blanks, full-width plus signs accepted.</summary>
    public static string Normalize(string? text) =>
        (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("＋", "+", StringComparison.Ordinal).Replace('x', 'X').Trim();

    /// <summary>The differences between the pattern and the items per format, one Chinese line each;
    /// empty when the plan fits.</summary>
    public static IReadOnlyList<string> Check(string pattern, IEnumerable<PlanFormat> items)
    {
        var expected = Parse(pattern);
        if (expected is null)
        {
            return [$"计划格局“{pattern}”无法识别，未能核对。"];
        }

        var counts = items.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        var warnings = new List<string>();
        foreach (var format in Formats)
        {
            if (expected[format] is not { } want)
            {
                continue;
            }

            var have = counts.GetValueOrDefault(format);
            if (have != want)
            {
                var diff = have < want ? $"少{want - have}项" : $"多{have - want}项";
                warnings.Add($"{format.DisplayName()}：格局要求{want}项，已安排{have}项（{diff}）。");
            }
        }

        return warnings;
    }

    [GeneratedRegex(@"^(\d{1,2}|X)(\+(\d{1,2}|X)){3}$")]
    private static partial Regex Shape();
}
