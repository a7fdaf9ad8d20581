using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Statistics;

namespace Tongxin.Tests.Opinions.Outcomes;

public class OpinionScoringTests
{
    private static readonly OpinionSettings Defaults = new();

    private static OutcomeType Adopted(AdoptionLevel level, bool combined = false) => new(OpinionOutcomeKind.Adopted, level, null, combined);

    private static OutcomeType Instruction(InstructionLevel level) => new(OpinionOutcomeKind.Instruction, AdoptionLevel.Own, level, false);

    [Fact]
    public void Default_rules_give_the_points_of_the_specification()
    {
        OpinionScoring.AuthorPoints(Defaults, Adopted(AdoptionLevel.Own), 1).ShouldBe(1m);
        OpinionScoring.AuthorPoints(Defaults, Adopted(AdoptionLevel.City), 1).ShouldBe(5m);
        OpinionScoring.AuthorPoints(Defaults, Adopted(AdoptionLevel.National), 1).ShouldBe(20m);
        OpinionScoring.AuthorPoints(Defaults, Adopted(AdoptionLevel.PartyGovernment), 1).ShouldBe(20m);
        OpinionScoring.AuthorPoints(Defaults, Instruction(InstructionLevel.City), 1).ShouldBe(10m);
        OpinionScoring.AuthorPoints(Defaults, Instruction(InstructionLevel.Central), 1).ShouldBe(30m);
        OpinionScoring.AuthorPoints(Defaults, new OutcomeType(OpinionOutcomeKind.Forwarded, AdoptionLevel.City, null, false), 1).ShouldBe(0m);
    }

    [Fact]
    public void Joint_or_combined_earn_half_and_both_a_quarter()
    {
        OpinionScoring.AuthorPoints(Defaults, Adopted(AdoptionLevel.City), 2).ShouldBe(2.5m);
        OpinionScoring.AuthorPoints(Defaults, Adopted(AdoptionLevel.City, combined: true), 1).ShouldBe(2.5m);
        OpinionScoring.AuthorPoints(Defaults, Adopted(AdoptionLevel.City, combined: true), 3).ShouldBe(1.25m);
        OpinionScoring.AuthorPoints(Defaults, Adopted(AdoptionLevel.Own, combined: true), 2).ShouldBe(0.25m);
        // The report itself (a non-member submitter's credit) is not split among authors.
        OpinionScoring.ReportPoints(Defaults, Adopted(AdoptionLevel.City, combined: true)).ShouldBe(2.5m);
    }

    [Fact]
    public void Every_outcome_type_scales_by_the_joint_and_combined_percentages_and_never_exceeds_its_full_points()
    {
        var rules = new OpinionSettings { JointPercent = 60, CombinedPercent = 30 };
        var types = Enum.GetValues<AdoptionLevel>().SelectMany(l => new[] { Adopted(l), Adopted(l, true) })
            .Concat(Enum.GetValues<InstructionLevel>().Select(Instruction));
        foreach (var type in types)
        {
            var full = (decimal)OpinionScoring.BasePoints(rules, type);
            full.ShouldBeGreaterThan(0m, type.ToString());
            foreach (var authors in new[] { 0, 1, 2, 5 })
            {
                var expected = full * (authors > 1 ? 0.6m : 1m) * (type.Combined ? 0.3m : 1m);
                var points = OpinionScoring.AuthorPoints(rules, type, authors);
                points.ShouldBe(expected, $"{type} with {authors} authors");
                points.ShouldBeLessThanOrEqualTo(full);
            }
        }
    }

    [Fact]
    public void Changing_the_rules_changes_the_points_of_outcomes_already_recorded()
    {
        var outcome = Adopted(AdoptionLevel.City, combined: true);
        var before = OpinionScoring.AuthorPoints(Defaults, outcome, 2);
        var changed = new OpinionSettings { PointsCity = 8, JointPercent = 100, CombinedPercent = 50 };
        var after = OpinionScoring.AuthorPoints(changed, outcome, 2);
        before.ShouldBe(1.25m);
        after.ShouldBe(4m);
    }

    [Fact]
    public void An_upper_adoption_counts_on_top_of_the_own_level_one()
    {
        var outcomes = new[] { Adopted(AdoptionLevel.Own), Adopted(AdoptionLevel.City), Instruction(InstructionLevel.City) };
        outcomes.Sum(o => OpinionScoring.AuthorPoints(Defaults, o, 1)).ShouldBe(16m);
        OpinionScoring.Format(0.25m).ShouldBe("0.25");
        OpinionScoring.Format(16m).ShouldBe("16");
    }
}
