using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Performance.Portrait;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Performance.Liaison;

/// <summary>履职画像: radar axes against the committee's top, the weighted index, the tag rules,
/// the trend, and the dimensions staff set.</summary>
public class PortraitTests
{
    private static DutyYearScore Score(Guid committee, Guid member, int year, decimal meetings = 0, decimal activities = 0, decimal proposals = 0,
        decimal opinions = 0, decimal speeches = 0, decimal supervision = 0, decimal liaison = 0, decimal plans = 0, int rank = 1) => new()
        {
            CommitteeId = committee,
            MemberId = member,
            Year = year,
            MeetingPoints = meetings,
            ActivityPoints = activities,
            ProposalPoints = proposals,
            OpinionPoints = opinions,
            SpeechPoints = speeches,
            SupervisionPoints = supervision,
            LiaisonPoints = liaison,
            PlanPoints = plans,
            Total = meetings + activities + proposals + opinions + speeches + supervision + liaison + plans,
            Rank = rank,
            Grade = "称职",
        };

    [Fact]
    public void Each_axis_is_the_members_points_against_the_committees_top()
    {
        var committee = Guid.NewGuid();
        var (me, top, low) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        MemberCategoryPoints P(DutyYearScore s) => MemberCategoryPoints.From(s);
        var scores = new[]
        {
            P(Score(committee, me, 2026, meetings: 6, activities: 4, proposals: 5, opinions: 0, speeches: 2, supervision: 1, liaison: 3, plans: 2)),
            P(Score(committee, top, 2026, meetings: 10, activities: 10, proposals: 20, opinions: 8, speeches: 3, supervision: 0, liaison: 1)),
            P(Score(committee, low, 2026, meetings: 2)),
        };
        var axes = PortraitRules.Radar(PortraitRules.Defaults, scores, me);
        axes.Select(a => a.Name).ShouldBe(["会议活动", "提案", "社情民意", "发言与监督", "联系群众"]);
        axes.Select(a => a.Points).ShouldBe([10m, 5m, 0m, 3m, 5m]);
        axes.Select(a => a.Top).ShouldBe([20m, 20m, 8m, 3m, 5m]);
        axes.Select(a => a.Value).ShouldBe([50m, 25m, 0m, 100m, 100m]);
        PortraitRules.Index(axes).ShouldBe(55m);

        // Weights: 提案 counts three times; nobody with points on an axis gives 0, not a division by zero.
        var weighted = PortraitRules.Radar(
            [new("提案", [DutyCategory.Proposals], 3), new("会议", [DutyCategory.Meetings], 1), new("空", [DutyCategory.Deductions], 1)], scores, me);
        weighted.Select(a => a.Value).ShouldBe([25m, 60m, 0m]);
        PortraitRules.Index(weighted).ShouldBe(27m); // (75 + 60 + 0) / 5

        // A member without a score has zeros; one third rounds to one decimal.
        PortraitRules.Radar(PortraitRules.Defaults, scores, Guid.NewGuid()).ShouldAllBe(a => a.Value == 0);
        PortraitRules.Radar([new("x", [DutyCategory.Meetings], 1)], [P(Score(committee, me, 2026, meetings: 1)), P(Score(committee, top, 2026, meetings: 3))], me)
            .Single().Value.ShouldBe(33.3m);
    }

    [Fact]
    public void The_tag_rules()
    {
        var s = new DutyYearScore { ProposalsFiled = 3, ReportsAdopted = 1, ActivitiesAttended = 5, Absences = 0, MassVisits = 4, Grade = "称职", Rank = 3 };
        PortraitRules.Tags(s, 20).Select(t => t.Name).ShouldBe(["全勤", "提案达人"]);
        s.ProposalsFiled = 2;
        s.Absences = 1;
        s.ReportsAdopted = 2;
        s.MassVisits = 5;
        s.PlanItemsDone = 1;
        s.Instructions = 1;
        s.Grade = "优秀";
        s.Rank = 2;
        PortraitRules.Tags(s, 20).Select(t => t.Name).ShouldBe(["履职优秀", "履职先锋", "社情民意能手", "建言获批示", "联系群众", "一人一事"]);
        PortraitRules.Tags(s, 10).Select(t => t.Name).ShouldNotContain("履职先锋"); // top 10% of 10 is rank 1 only
        PortraitRules.Tags(null, 10).ShouldBeEmpty();
        PortraitRules.Tags(new DutyYearScore { ActivitiesAttended = 4 }, 5).ShouldBeEmpty();

        // The three counting tags, each at its threshold and one below.
        PortraitRules.Tags(new DutyYearScore { Absences = 1, ReportsSubmitted = 5, Speeches = 2, SupervisionItems = 3 }, 5).Select(t => t.Name)
            .ShouldBe(["勤于报送", "积极发言", "监督尖兵"]);
        PortraitRules.Tags(new DutyYearScore { Absences = 1, ReportsSubmitted = 4, Speeches = 1, SupervisionItems = 2 }, 5).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_portrait_of_a_constructed_ledger(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await LiaisonWorld.CreateAsync(app);
        var c = w.Committee.Id;
        await app.AsAsync(Actor.System, async sp =>
        {
            var d = sp.GetRequiredService<TongxinDbContext>();
            d.DutyYearScores.AddRange(
                Score(c, w.MemberId, 2026, meetings: 4, proposals: 6, opinions: 3, liaison: 2, rank: 2),
                Score(c, w.Member2Id, 2026, meetings: 8, proposals: 3, opinions: 6, speeches: 4, liaison: 1, rank: 1),
                Score(c, w.MemberId, 2025, meetings: 10, rank: 1));
            await d.SaveChangesAsync();
        });

        var view = await app.AsAsync(w.Member.Actor, sp => sp.GetRequiredService<PortraitHandler>().GetAsync(null, 2026));
        view.DefaultDimensions.ShouldBeTrue();
        view.Axes.Select(a => a.Value).ShouldBe([50m, 100m, 50m, 0m, 100m]);
        view.Trend.Select(t => (t.Year, t.Total)).ShouldBe([(2025, 10m), (2026, 15m)]);
        (view.Rank, view.RankedMembers).ShouldBe((2, 2));

        // Staff set three dimensions of their own; the member's radar follows.
        await app.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<PortraitHandler>().SaveAsync(
        [
            new() { Name = "参政议政", Categories = [DutyCategory.Proposals, DutyCategory.Opinions], Weight = 2 },
            new() { Name = "会议", Categories = [DutyCategory.Meetings], Weight = 1 },
            new() { Name = "", Categories = [DutyCategory.Speeches] },
            new() { Name = "联系服务", Categories = [DutyCategory.Liaison, DutyCategory.Plans], Weight = 1 },
        ]));
        var staffView = await app.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<PortraitHandler>().GetAsync(w.MemberId, 2026));
        staffView.DefaultDimensions.ShouldBeFalse();
        staffView.Axes.Select(a => (a.Name, a.Value)).ShouldBe([("参政议政", 100m), ("会议", 50m), ("联系服务", 100m)]);
        staffView.Index.ShouldBe(87.5m);

        var invalid = await Should.ThrowAsync<ValidationFailedException>(() => app.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<PortraitHandler>().SaveAsync(
            [new() { Name = "甲", Categories = [DutyCategory.Meetings] }, new() { Name = "乙", Categories = [] }])));
        invalid.Errors["Rows"].ShouldContain("雷达图至少需要3个维度。");
        invalid.Errors["Rows"].ShouldContain("第2个维度“乙”至少要包含一个履职类别。");

        // Access: another member 403, staff without the permission 403, the leader reads; only 委员履职 staff edit dimensions.
        await Should.ThrowAsync<ForbiddenException>(() => app.AsAsync(w.Member2.Actor, sp => sp.GetRequiredService<PortraitHandler>().GetAsync(w.MemberId, 2026)));
        await Should.ThrowAsync<ForbiddenException>(() => app.AsAsync(w.StaffWithoutPermission.Actor, sp => sp.GetRequiredService<PortraitHandler>().GetAsync(w.MemberId, 2026)));
        (await app.AsAsync(w.Leader.Actor, sp => sp.GetRequiredService<PortraitHandler>().GetAsync(w.MemberId, 2026))).Axes.Count.ShouldBe(3);
        await Should.ThrowAsync<ForbiddenException>(() => app.AsAsync(w.Leader.Actor, sp => sp.GetRequiredService<PortraitHandler>().ResetAsync()));
        await Should.ThrowAsync<ForbiddenException>(() => app.AsAsync(w.Member.Actor, sp => sp.GetRequiredService<PortraitHandler>().ResetAsync()));

        await app.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<PortraitHandler>().ResetAsync());
        (await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().PortraitDimensions.IgnoreQueryFilters().CountAsync(x => x.CommitteeId == c))).ShouldBe(0);

        using var web = await WebSession.LoginAsync(app, w.Member.UserName);
        var page = await web.GetPageAsync("/Performance/Portrait?year=2026");
        page.ShouldContain("portrait-radar");
        page.ShouldContain("暂无标签");
        using var staff = await WebSession.LoginAsync(app, w.Staff.UserName);
        (await staff.GetPageAsync("/Performance/Portrait/Dimensions")).ShouldContain("会议活动");
    }
}
