using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Plan;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Plan;

/// <summary>The plan pattern ("1+2+6+X") checked against the items per format.</summary>
public class PlanPatternTests
{
    [Fact]
    public void Differences_per_format_are_listed_and_X_is_free()
    {
        PlanFormat[] items =
        [
            PlanFormat.Plenary, PlanFormat.StandingCommittee,
            .. Enumerable.Repeat(PlanFormat.ChairMeeting, 7), .. Enumerable.Repeat(PlanFormat.Other, 5),
        ];
        PlanPattern.Check("1+2+6+X", items).ShouldBe(
        [
            "常委会议协商：格局要求2项，已安排1项（少1项）。",
            "主席会议协商：格局要求6项，已安排7项（多1项）。",
        ]);
        PlanPattern.Check("1+2+6+X", [PlanFormat.Plenary, PlanFormat.StandingCommittee, PlanFormat.StandingCommittee, .. Enumerable.Repeat(PlanFormat.ChairMeeting, 6)])
            .ShouldBeEmpty();
        PlanPattern.Check("1+1+4+2", []).Count.ShouldBe(4);
    }

    [Fact]
    public void Patterns_are_four_parts_of_numbers_or_X()
    {
        PlanPattern.Parse("1＋2 + 6+x")![PlanFormat.Other].ShouldBeNull();
        PlanPattern.Parse("1+2+6+X")![PlanFormat.ChairMeeting].ShouldBe(6);
        PlanPattern.Normalize(" 1＋1+4+x ").ShouldBe("1+1+4+X");
        foreach (var bad in new[] { "", "1+2+6", "1+2+6+X+1", "a+b+c+d", "100+1+1+X", "1-2-6-X" })
        {
            PlanPattern.Parse(bad).ShouldBeNull(bad);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_plan_shows_its_differences_from_the_pattern_of_the_settings_it_was_made_under(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var settings = await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<ConsultationSettingsHandler>().GetAsync());
        settings.PlanPattern = "1+1+2+x";
        await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<ConsultationSettingsHandler>().SaveAsync(settings));

        var id = await w.DraftPlanAsync((PlanFormat.Plenary, 1), (PlanFormat.ChairMeeting, 3), (PlanFormat.Other, 5), (PlanFormat.Other, 7));
        var plan = await w.AsStaff(h => h.GetAsync(id));
        plan.Pattern.ShouldBe("1+1+2+X");
        plan.PatternWarnings.ShouldBe(["常委会议协商：格局要求1项，已安排0项（少1项）。", "主席会议协商：格局要求2项，已安排1项（少1项）。"]);

        // Warnings do not stop the plan going to review.
        await w.AsStaff(h => h.SubmitAsync(id, plan.Version));
        (await w.PlanAsync(id)).Status.ShouldBe(PlanStatus.ChairReview);
    }
}
