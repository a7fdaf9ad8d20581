using Tongxin.Modules.Opinions;
using Tongxin.Modules.Performance;

namespace Tongxin.Tests.Performance.Ledger;

/// <summary>The calculator under the default rules (DOMAIN.md §7 and §4), and properties over
/// random entry sets: caps hold, half credit halves, deductions only subtract, the total is the
/// sum of the categories, and ranks are competition ranks.</summary>
public class DutyPointsCalculatorTests
{
    private static readonly DutyRuleBook Defaults = DutyDefaults.Book(null, new OpinionSettings());

    private static DutyEntry E(DutyItem item, DutyRole role = DutyRole.Lead, int quantity = 1, bool shared = false, bool combined = false, Guid? source = null) => new()
    {
        Item = item,
        Role = role,
        Quantity = quantity,
        SharedWork = shared,
        Combined = combined,
        SourceId = source ?? Guid.NewGuid(),
        Year = 2026,
    };

    [Fact]
    public void The_examples_of_the_domain_score_as_written()
    {
        var r = DutyPointsCalculator.Compute(Defaults,
        [
            E(DutyItem.PlenaryHalfDay, quantity: 3), // 3 half-days × 5
            E(DutyItem.Activity), // 5
            E(DutyItem.ProposalFiled), E(DutyItem.ProposalKey), // 15 + 15
            E(DutyItem.ProposalFiled, DutyRole.Joint), E(DutyItem.ProposalExcellent, DutyRole.Joint), // 3 + 2
            E(DutyItem.AbsentWithoutLeave), E(DutyItem.AbsentWithLeave), // −2 −1
        ]);

        r.Points(DutyCategory.Meetings).ShouldBe(15);
        r.Points(DutyCategory.Activities).ShouldBe(5);
        r.Points(DutyCategory.Proposals).ShouldBe(35);
        r.Points(DutyCategory.Deductions).ShouldBe(-3);
        r.Total.ShouldBe(52);
        r.PlenaryHalfDays.ShouldBe(3);
        r.ActivitiesAttended.ShouldBe(2);
        r.Absences.ShouldBe(2);
        r.ProposalsFiled.ShouldBe(2);
        r.Grade.ShouldBe("不称职");
        r.Missing.ShouldBe(new[] { "履职活动3次", "社情民意1篇" });
    }

    [Fact]
    public void Opinion_outcomes_take_the_opinion_settings_and_joint_and_combined_multiply()
    {
        var settings = new OpinionSettings { PointsCity = 8, JointPercent = 50, CombinedPercent = 50 };
        var rules = DutyDefaults.Book(new DutyRuleSet { Rules = [new DutyRule { Item = DutyItem.OpinionAdoptedCity, Points = 99 }] }, settings);
        var report = Guid.NewGuid();

        DutyPointsCalculator.EntryPoints(rules, E(DutyItem.OpinionAdoptedCity)).ShouldBe(8); // the duty set cannot override 社情民意设置
        DutyPointsCalculator.EntryPoints(rules, E(DutyItem.OpinionAdoptedCity, shared: true)).ShouldBe(4);
        DutyPointsCalculator.EntryPoints(rules, E(DutyItem.OpinionAdoptedCity, shared: true, combined: true)).ShouldBe(2);
        var r = DutyPointsCalculator.Compute(rules,
        [
            E(DutyItem.OpinionSubmitted, source: report), E(DutyItem.OpinionAdoptedOwn, source: report), E(DutyItem.OpinionAdoptedCity, source: report),
            E(DutyItem.InstructionCentral, source: report),
        ]);
        r.Total.ShouldBe(1 + 8 + 30);
        r.ReportsSubmitted.ShouldBe(1);
        r.ReportsAdopted.ShouldBe(1); // one report, adopted at two levels
        r.Instructions.ShouldBe(1);
    }

    [Fact]
    public void A_yearly_cap_cuts_the_item_and_is_reported()
    {
        var rules = DutyDefaults.Book(new DutyRuleSet
        {
            Rules = [new DutyRule { Item = DutyItem.ProposalFiled, Points = 3, JointPoints = 1.5m, YearCap = 9 }],
        }, new OpinionSettings());
        var r = DutyPointsCalculator.Compute(rules, [.. Enumerable.Range(0, 4).Select(_ => E(DutyItem.ProposalFiled))]);
        r.ByItem[DutyItem.ProposalFiled].ShouldBe(9);
        r.Capped.ShouldContain(DutyItem.ProposalFiled);
        r.ProposalsFiled.ShouldBe(4); // counts are not capped

        var under = DutyPointsCalculator.Compute(rules, [E(DutyItem.ProposalFiled), E(DutyItem.ProposalFiled, DutyRole.Joint)]);
        under.ByItem[DutyItem.ProposalFiled].ShouldBe(4.5m);
        under.Capped.ShouldBeEmpty();
    }

    [Fact]
    public void Grades_follow_the_bands_and_ties_share_a_rank()
    {
        Defaults.Grade(85).ShouldBe("优秀");
        Defaults.Grade(84.99m).ShouldBe("称职");
        Defaults.Grade(70).ShouldBe("称职");
        Defaults.Grade(60).ShouldBe("基本称职");
        Defaults.Grade(59.5m).ShouldBe("不称职");

        var ranks = DutyPointsCalculator.Rank<string>([("a", 10), ("b", 30), ("c", 30), ("d", 5), ("e", 10)]);
        ranks["b"].ShouldBe(1);
        ranks["c"].ShouldBe(1);
        ranks["a"].ShouldBe(3);
        ranks["e"].ShouldBe(3);
        ranks["d"].ShouldBe(5);
    }

    /// <summary>Random entry sets under random rules (seeded, so a failure repeats).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Properties_hold_over_random_entries_and_rules(int seed)
    {
        var random = new Random(seed);
        var items = Enum.GetValues<DutyItem>();
        for (var round = 0; round < 200; round++)
        {
            var set = new DutyRuleSet
            {
                Rules = [.. DutyDefaults.Editable.Keys.Select(item => new DutyRule
                {
                    Item = item,
                    Points = item is DutyItem.AbsentWithLeave or DutyItem.AbsentWithoutLeave ? -random.Next(0, 5) : random.Next(0, 20),
                    JointPoints = item is DutyItem.AbsentWithLeave or DutyItem.AbsentWithoutLeave ? -random.Next(0, 5) : random.Next(0, 10),
                    YearCap = random.Next(3) == 0 ? random.Next(0, 40) : null,
                })],
            };
            var opinions = new OpinionSettings { JointPercent = random.Next(0, 101), CombinedPercent = random.Next(0, 101), PointsCity = random.Next(0, 10) };
            var rules = DutyDefaults.Book(set, opinions);
            var entries = Enumerable.Range(0, random.Next(0, 40)).Select(_ => E(
                items[random.Next(items.Length)],
                random.Next(2) == 0 ? DutyRole.Lead : DutyRole.Joint,
                random.Next(1, 4),
                random.Next(3) == 0,
                random.Next(4) == 0)).ToList();

            var r = DutyPointsCalculator.Compute(rules, entries);

            // Caps hold, and an uncapped item is the plain sum of its entries.
            foreach (var (item, points) in r.ByItem)
            {
                var raw = entries.Where(e => e.Item == item).Sum(e => DutyPointsCalculator.EntryPoints(rules, e));
                if (rules.Line(item).YearCap is { } cap)
                {
                    Math.Abs(points).ShouldBeLessThanOrEqualTo(cap);
                    points.ShouldBe(Math.Abs(raw) > cap ? Math.Sign(raw) * cap : raw);
                }
                else
                {
                    points.ShouldBe(raw);
                }
            }

            // The total is the sum of the categories, and deductions never add.
            r.Total.ShouldBe(r.ByCategory.Values.Sum());
            r.Points(DutyCategory.Deductions).ShouldBeLessThanOrEqualTo(0);

            // Half credit: shared work earns the joint percentage of the same entry unshared.
            foreach (var e in entries.Where(e => e.SharedWork && !e.Combined))
            {
                var alone = E(e.Item, e.Role, e.Quantity);
                DutyPointsCalculator.EntryPoints(rules, e).ShouldBe(DutyPointsCalculator.EntryPoints(rules, alone) * opinions.JointPercent / 100m);
            }

            // Order does not matter.
            var shuffled = entries.OrderBy(_ => random.Next()).ToList();
            DutyPointsCalculator.Compute(rules, shuffled).Total.ShouldBe(r.Total);
        }
    }

    [Fact]
    public void Ranks_are_competition_ranks_over_random_totals()
    {
        var random = new Random(7);
        for (var round = 0; round < 100; round++)
        {
            var totals = Enumerable.Range(0, random.Next(1, 30)).Select(i => (Key: i, Value: (decimal)random.Next(0, 6))).ToList();
            var ranks = DutyPointsCalculator.Rank(totals);
            foreach (var (key, value) in totals)
            {
                ranks[key].ShouldBe(1 + totals.Count(t => t.Value > value));
            }
        }
    }
}
