namespace Tongxin.Modules.Opinions.Statistics;

/// <summary>One kind of outcome as scoring sees it: what happened, at which level, combined or not.</summary>
/// <param name="Kind">采用 / 上报 / 领导批示.</param>
/// <param name="Level">For 采用 and 上报: the level.</param>
/// <param name="InstructionLevel">For 领导批示: the leader's level.</param>
/// <param name="Combined">综合采用.</param>
public readonly record struct OutcomeType(OpinionOutcomeKind Kind, AdoptionLevel Level, InstructionLevel? InstructionLevel, bool Combined)
{
    public static OutcomeType Of(OpinionOutcome o) => new(o.Kind, o.Level, o.InstructionLevel, o.Combined);
}

/// <summary>积分规则 – the points of reports' outcomes under a committee's rules
/// (<see cref="OpinionSettings"/>, DOMAIN.md §4). Pure: points are computed when read and never
/// stored, so a rule change applies to every report at once. Each outcome earns its own points:
/// a report adopted at its own level and then by the city earns both (1 + 5 by default).</summary>
public static class OpinionScoring
{
    /// <summary>The full points of an outcome: by level for an adoption, by the leader's level for
    /// an instruction; 上报 by itself earns nothing (its adoption upstairs does).</summary>
    public static int BasePoints(OpinionSettings rules, OutcomeType outcome) => outcome.Kind switch
    {
        OpinionOutcomeKind.Adopted => outcome.Level switch
        {
            AdoptionLevel.Own => rules.PointsOwnLevel,
            AdoptionLevel.City => rules.PointsCity,
            AdoptionLevel.Province => rules.PointsProvince,
            AdoptionLevel.National => rules.PointsNational,
            AdoptionLevel.PartyGovernment => rules.PointsPartyGovernment,
            _ => 0,
        },
        OpinionOutcomeKind.Instruction => outcome.InstructionLevel switch
        {
            InstructionLevel.County => rules.PointsInstructionCounty,
            InstructionLevel.City => rules.PointsInstructionCity,
            InstructionLevel.Province => rules.PointsInstructionProvince,
            InstructionLevel.Central => rules.PointsInstructionCentral,
            _ => 0,
        },
        _ => 0,
    };

    /// <summary>The report's points for one outcome: a combined adoption (综合采用) earns
    /// <see cref="OpinionSettings.CombinedPercent"/>. This is what a non-member submitter is
    /// credited with in the submitter statistics.</summary>
    public static decimal ReportPoints(OpinionSettings rules, OutcomeType outcome)
    {
        var points = (decimal)BasePoints(rules, outcome);
        return outcome.Kind == OpinionOutcomeKind.Adopted && outcome.Combined ? points * rules.CombinedPercent / 100m : points;
    }

    /// <summary>Each member author's points for one outcome: on a joint report (more than one
    /// author) every author earns <see cref="OpinionSettings.JointPercent"/> of the report's points,
    /// so joint and combined together multiply (a quarter by default).</summary>
    public static decimal AuthorPoints(OpinionSettings rules, OutcomeType outcome, int authorCount)
    {
        var points = ReportPoints(rules, outcome);
        return authorCount > 1 ? points * rules.JointPercent / 100m : points;
    }

    /// <summary>Points as shown: at most two decimals, no trailing zeros (0.25, 2.5, 5).</summary>
    public static string Format(decimal points) => points.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
