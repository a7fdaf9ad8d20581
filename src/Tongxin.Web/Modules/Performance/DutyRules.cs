using Tongxin.Modules.Opinions;

namespace Tongxin.Modules.Performance;

/// <summary>One line of a rule book: points per unit as lead and as joint, and a yearly cap.</summary>
public readonly record struct DutyRuleLine(decimal Points, decimal JointPoints, decimal? YearCap);

/// <summary>履职积分规则 as the calculator reads them: a rule per item, the opinion percentages,
/// grade bands and minimums. Built from a saved <see cref="DutyRuleSet"/> or the defaults, with
/// the opinion outcome items always taken from the committee's 社情民意设置.</summary>
public sealed record DutyRuleBook(
    IReadOnlyDictionary<DutyItem, DutyRuleLine> Lines,
    int JointPercent,
    int CombinedPercent,
    decimal ExcellentMin,
    decimal CompetentMin,
    decimal PassMin,
    int MinPlenary,
    int MinActivities,
    int MinProposals,
    int MinReports)
{
    /// <summary>The grades, best first.</summary>
    public static readonly IReadOnlyList<string> Grades = ["优秀", "称职", "基本称职", "不称职"];

    public DutyRuleLine Line(DutyItem item) => Lines.GetValueOrDefault(item);

    /// <summary>优秀 / 称职 / 基本称职 / 不称职 by total.</summary>
    public string Grade(decimal total) =>
        Grades[total >= ExcellentMin ? 0 : total >= CompetentMin ? 1 : total >= PassMin ? 2 : 3];
}

/// <summary>The defaults of DOMAIN.md §7 and the mapping of items to categories.</summary>
public static class DutyDefaults
{
    /// <summary>The items whose points come from 社情民意设置 (not editable in the duty rule table).</summary>
    public static readonly DutyItem[] OpinionOutcomeItems =
    [
        DutyItem.OpinionAdoptedOwn, DutyItem.OpinionAdoptedCity, DutyItem.OpinionAdoptedProvince, DutyItem.OpinionAdoptedNational,
        DutyItem.OpinionAdoptedPartyGovernment, DutyItem.InstructionCounty, DutyItem.InstructionCity, DutyItem.InstructionProvince,
        DutyItem.InstructionCentral,
    ];

    /// <summary>The editable items with their default points: plenary 5 per half-day, each other
    /// activity 5, filed proposal 15 as lead / 3 as co-signer, key +15/+3, excellent +10/+2,
    /// absence −2 without leave and −1 with leave (DOMAIN.md §7); the rest are our choice.</summary>
    public static IReadOnlyDictionary<DutyItem, DutyRuleLine> Editable { get; } = new Dictionary<DutyItem, DutyRuleLine>
    {
        [DutyItem.PlenaryHalfDay] = new(5, 5, null),
        [DutyItem.StandingCommittee] = new(5, 5, null),
        [DutyItem.Activity] = new(5, 5, null),
        [DutyItem.AbsentWithoutLeave] = new(-2, -2, null),
        [DutyItem.AbsentWithLeave] = new(-1, -1, null),
        [DutyItem.ProposalFiled] = new(15, 3, null),
        [DutyItem.ProposalKey] = new(15, 3, null),
        [DutyItem.ProposalExcellent] = new(10, 2, null),
        [DutyItem.OpinionSubmitted] = new(0, 0, null),
        [DutyItem.PlenarySpeech] = new(10, 10, null),
        [DutyItem.ConsultationSpeech] = new(5, 5, null),
        [DutyItem.SupervisionProblem] = new(3, 3, null),
        [DutyItem.SupervisionLetter] = new(5, 3, null),
        [DutyItem.MassVisit] = new(2, 2, 20),
        [DutyItem.PlanItemDone] = new(5, 5, null),
    };

    public static DutyCategory Category(DutyItem item) => item switch
    {
        DutyItem.PlenaryHalfDay or DutyItem.StandingCommittee => DutyCategory.Meetings,
        DutyItem.Activity => DutyCategory.Activities,
        DutyItem.AbsentWithLeave or DutyItem.AbsentWithoutLeave => DutyCategory.Deductions,
        DutyItem.ProposalFiled or DutyItem.ProposalKey or DutyItem.ProposalExcellent => DutyCategory.Proposals,
        DutyItem.PlenarySpeech or DutyItem.ConsultationSpeech => DutyCategory.Speeches,
        DutyItem.SupervisionProblem or DutyItem.SupervisionLetter => DutyCategory.Supervision,
        DutyItem.MassVisit => DutyCategory.Liaison,
        DutyItem.PlanItemDone => DutyCategory.Plans,
        _ => DutyCategory.Opinions,
    };

    /// <summary>The opinion outcome items' points from the committee's 社情民意设置.</summary>
    public static IEnumerable<KeyValuePair<DutyItem, DutyRuleLine>> FromOpinionSettings(OpinionSettings s)
    {
        static KeyValuePair<DutyItem, DutyRuleLine> L(DutyItem item, int points) => new(item, new DutyRuleLine(points, points, null));
        yield return L(DutyItem.OpinionAdoptedOwn, s.PointsOwnLevel);
        yield return L(DutyItem.OpinionAdoptedCity, s.PointsCity);
        yield return L(DutyItem.OpinionAdoptedProvince, s.PointsProvince);
        yield return L(DutyItem.OpinionAdoptedNational, s.PointsNational);
        yield return L(DutyItem.OpinionAdoptedPartyGovernment, s.PointsPartyGovernment);
        yield return L(DutyItem.InstructionCounty, s.PointsInstructionCounty);
        yield return L(DutyItem.InstructionCity, s.PointsInstructionCity);
        yield return L(DutyItem.InstructionProvince, s.PointsInstructionProvince);
        yield return L(DutyItem.InstructionCentral, s.PointsInstructionCentral);
    }

    /// <summary>The editable items' lines: the saved set's, the defaults for items it lacks (or all
    /// defaults when <paramref name="set"/> is null). What the rule editor shows and the book uses.</summary>
    public static Dictionary<DutyItem, DutyRuleLine> EditableLines(DutyRuleSet? set)
    {
        var lines = new Dictionary<DutyItem, DutyRuleLine>(Editable);
        foreach (var rule in set?.Rules ?? [])
        {
            if (Editable.ContainsKey(rule.Item))
            {
                lines[rule.Item] = new DutyRuleLine(rule.Points, rule.JointPoints, rule.YearCap);
            }
        }

        return lines;
    }

    /// <summary>The rule book of a saved set (or the defaults when <paramref name="set"/> is null)
    /// with the committee's opinion settings.</summary>
    public static DutyRuleBook Book(DutyRuleSet? set, OpinionSettings opinions)
    {
        var lines = EditableLines(set);
        foreach (var (item, line) in FromOpinionSettings(opinions))
        {
            lines[item] = line;
        }

        var d = set ?? new DutyRuleSet();
        return new DutyRuleBook(lines, opinions.JointPercent, opinions.CombinedPercent, d.ExcellentMin, d.CompetentMin, d.PassMin,
            d.MinPlenary, d.MinActivities, d.MinProposals, d.MinReports);
    }
}
