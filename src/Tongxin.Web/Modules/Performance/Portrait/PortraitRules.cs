namespace Tongxin.Modules.Performance.Portrait;

/// <summary>One axis of the radar as defined: its name, the categories it sums, its weight.</summary>
public sealed record PortraitAxisDefinition(string Name, IReadOnlyList<DutyCategory> Categories, decimal Weight);

/// <summary>A member's points per category in a year (from the stored score).</summary>
public sealed record MemberCategoryPoints(Guid MemberId, IReadOnlyDictionary<DutyCategory, decimal> Points)
{
    public decimal Sum(IEnumerable<DutyCategory> categories) => categories.Sum(c => Points.GetValueOrDefault(c));

    public static MemberCategoryPoints From(DutyYearScore s) => new(s.MemberId, new Dictionary<DutyCategory, decimal>
    {
        [DutyCategory.Meetings] = s.MeetingPoints,
        [DutyCategory.Activities] = s.ActivityPoints,
        [DutyCategory.Proposals] = s.ProposalPoints,
        [DutyCategory.Opinions] = s.OpinionPoints,
        [DutyCategory.Speeches] = s.SpeechPoints,
        [DutyCategory.Supervision] = s.SupervisionPoints,
        [DutyCategory.Liaison] = s.LiaisonPoints,
        [DutyCategory.Plans] = s.PlanPoints,
        [DutyCategory.Deductions] = s.Deductions,
    });
}

/// <summary>One axis as drawn: the member's points, the committee's top points on it, and the
/// member's value 0–100 (points / top × 100, one decimal; 0 when nobody has points there).</summary>
public sealed record RadarAxis(string Name, decimal Points, decimal Top, decimal Value, decimal Weight);

/// <summary>A tag of the 标签墙 with the rule that gave it (shown as the tag's tooltip).</summary>
public sealed record PortraitTag(string Name, string Rule);

/// <summary>履职画像的计算 – pure, so the radar and the tags are tested on numbers.
/// <para>Radar: each axis sums the member's points in the axis's categories for the year and
/// divides by the highest such sum of any member of the committee that year, so every axis runs
/// 0–100 and axes are comparable whatever their points scale; negative sums count as 0.
/// 综合指数 = the axes' values weighted by the dimensions' weights.</para>
/// <para>Tags (<see cref="Tags"/>): written rules over the year's counts, listed in <see cref="TagRules"/>.</para></summary>
public static class PortraitRules
{
    /// <summary>The five axes used while a committee saved none.</summary>
    public static IReadOnlyList<PortraitAxisDefinition> Defaults { get; } =
    [
        new("会议活动", [DutyCategory.Meetings, DutyCategory.Activities], 1),
        new("提案", [DutyCategory.Proposals], 1),
        new("社情民意", [DutyCategory.Opinions], 1),
        new("发言与监督", [DutyCategory.Speeches, DutyCategory.Supervision], 1),
        new("联系群众", [DutyCategory.Liaison, DutyCategory.Plans], 1),
    ];

    public const int ProposalsForTag = 3;
    public const int AdoptedReportsForTag = 2;
    public const int SubmittedReportsForTag = 5;
    public const int ActivitiesForFullAttendance = 5;
    public const int VisitsForTag = 5;
    public const int SpeechesForTag = 2;
    public const int SupervisionForTag = 3;

    /// <summary>The rules of the 标签墙, in the order tags show.</summary>
    public static IReadOnlyList<(string Name, string Rule, Func<DutyYearScore, int, bool> Applies)> TagRules { get; } =
    [
        ("履职优秀", "年度履职等次为优秀", (s, _) => s.Grade == "优秀"),
        ("履职先锋", "积分排名位于本会前10%", (s, ranked) => s.Rank > 0 && ranked > 0 && s.Rank <= Math.Max(1, ranked / 10)),
        ("全勤", $"无缺席且参加会议活动不少于{ActivitiesForFullAttendance}次", (s, _) => s.Absences == 0 && s.ActivitiesAttended >= ActivitiesForFullAttendance),
        ("提案达人", $"立案提案（领衔或联名）不少于{ProposalsForTag}件", (s, _) => s.ProposalsFiled >= ProposalsForTag),
        ("社情民意能手", $"社情民意被采用不少于{AdoptedReportsForTag}篇", (s, _) => s.ReportsAdopted >= AdoptedReportsForTag),
        ("勤于报送", $"报送社情民意不少于{SubmittedReportsForTag}篇", (s, _) => s.ReportsSubmitted >= SubmittedReportsForTag),
        ("建言获批示", "社情民意获领导批示", (s, _) => s.Instructions >= 1),
        ("积极发言", $"大会发言或协商发言不少于{SpeechesForTag}次", (s, _) => s.Speeches >= SpeechesForTag),
        ("监督尖兵", $"民主监督问题和建议书不少于{SupervisionForTag}项", (s, _) => s.SupervisionItems >= SupervisionForTag),
        ("联系群众", $"联系界别群众不少于{VisitsForTag}次", (s, _) => s.MassVisits >= VisitsForTag),
        ("一人一事", "完成一人一事计划事项", (s, _) => s.PlanItemsDone >= 1),
    ];

    /// <summary>The radar of <paramref name="memberId"/> against the committee-year's members.</summary>
    public static IReadOnlyList<RadarAxis> Radar(IReadOnlyList<PortraitAxisDefinition> axes, IReadOnlyCollection<MemberCategoryPoints> committee, Guid memberId)
    {
        var mine = committee.FirstOrDefault(m => m.MemberId == memberId);
        return [.. axes.Select(a =>
        {
            var points = Math.Max(0, mine?.Sum(a.Categories) ?? 0);
            var top = committee.Count == 0 ? 0 : Math.Max(0, committee.Max(m => m.Sum(a.Categories)));
            var value = top <= 0 ? 0 : Math.Round(points / top * 100, 1, MidpointRounding.AwayFromZero);
            return new RadarAxis(a.Name, points, top, value, a.Weight);
        })];
    }

    /// <summary>综合画像指数 0–100: the axes' values weighted (0 when no weight).</summary>
    public static decimal Index(IReadOnlyList<RadarAxis> axes)
    {
        var weight = axes.Sum(a => Math.Max(0, a.Weight));
        return weight <= 0 ? 0 : Math.Round(axes.Sum(a => a.Value * Math.Max(0, a.Weight)) / weight, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The tags the year earns (none without a score).</summary>
    public static IReadOnlyList<PortraitTag> Tags(DutyYearScore? score, int rankedMembers) =>
        score is null ? [] : [.. TagRules.Where(r => r.Applies(score, rankedMembers)).Select(r => new PortraitTag(r.Name, r.Rule))];

    /// <summary>"Meetings,Activities" ↔ categories (unknown names are skipped).</summary>
    public static IReadOnlyList<DutyCategory> ParseCategories(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Enum.TryParse<DutyCategory>(t, out var c) && Enum.IsDefined(c) ? (DutyCategory?)c : null)
            .OfType<DutyCategory>().Distinct()];

    public static string FormatCategories(IEnumerable<DutyCategory> categories) => string.Join(",", categories.Distinct().Order());
}
