using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Statistics;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Opinions.Outcomes.OutcomesTestData;

namespace Tongxin.Tests.Opinions.Outcomes;

public class OpinionStatisticsTests
{
    /// <summary>
    /// R1 甲 alone, printed (本级单篇), adopted by the city, a city leader's instruction: 1 + 5 + 10.
    /// R2 甲 and 乙 jointly, printed combined (综合): the report 0.5, each author 0.25.
    /// R3 乙, submitted, not yet screened. R4 甲's draft and R5 乙's withdrawn report count nowhere.
    /// R6 a public reporter's report, printed: 1 point credited to the reporter's name.
    /// R7 甲's report of 2025 counts in 2025 only.
    /// </summary>
    private static async Task<(TestData.TestCommittee Committee, Guid A, Guid B)> ArrangeAsync(TestApp app)
    {
        var c = await app.NewCommitteeAsync();
        var a = await MemberAsync(app, c, "甲委员", c.SectorId);
        var b = await MemberAsync(app, c, "乙委员", c.OtherSectorId);
        var r1 = await ReportAsync(app, c, OpinionStatus.SignedOff, [(a, "甲委员")], category: "社会民生");
        await PublishAsync(app, r1);
        await OutcomeAsync(app, r1, OpinionOutcomeKind.Adopted, AdoptionLevel.City);
        await OutcomeAsync(app, r1, OpinionOutcomeKind.Instruction, instruction: InstructionLevel.City);
        var r2 = await ReportAsync(app, c, OpinionStatus.SignedOff, [(a, "甲委员"), (b, "乙委员")], category: "城乡建设");
        await PublishAsync(app, r2, combined: true);
        await ReportAsync(app, c, OpinionStatus.Submitted, [(b, "乙委员")], category: "城乡建设");
        await ReportAsync(app, c, OpinionStatus.Draft, [(a, "甲委员")]);
        await ReportAsync(app, c, OpinionStatus.Withdrawn, [(b, "乙委员")]);
        var r6 = await ReportAsync(app, c, OpinionStatus.SignedOff, [], category: "社会民生", submitterName: "热心市民王某");
        await PublishAsync(app, r6);
        await ReportAsync(app, c, OpinionStatus.Published, [(a, "甲委员")], year: 2025);
        return (c, a, b);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_year_figures_breakdowns_and_ranking_count_the_committees_own_reports(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var (c, _, _) = await ArrangeAsync(app);
        var staff = await app.NewUserAsync(c, Roles.Staff, [Permissions.Opinions]);

        var s = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<OpinionStatisticsHandler>().GetAsync(c.Id, 2026));

        var t = s.Totals;
        (t.Received, t.Adopted, t.OwnSingle, t.OwnCombined, t.City, t.InstructionCity, t.Instructions, t.Points)
            .ShouldBe((4, 3, 2, 1, 1, 1, 1, 17.5m));
        s.ByKind.Select(f => (f.Label, f.Received, f.Points)).ShouldBe([("委员个人", 2, 16m), ("委员联名", 1, 0.5m), ("群众反映人", 1, 1m)]);
        s.BySector.Select(f => (f.Label, f.Received, f.OwnAdopted)).ShouldBe([("教育", 2, 2), ("经济", 1, 0), ("非委员或未设界别", 1, 1)]);
        s.ByCategory.Select(f => (f.Label, f.Received)).ShouldBe([("城乡建设", 2), ("社会民生", 2)]);
        s.BySubmitter.First().ShouldSatisfyAllConditions(f => f.Label.ShouldBe("甲委员"), f => f.Points.ShouldBe(16m));
        s.BySubmitter.ShouldContain(f => f.Label == "热心市民王某" && f.Points == 1m && f.OwnSingle == 1);
        s.ByLevel.Select(l => (l.Label, l.Count, l.Points)).Where(l => l.Count > 0).ShouldBe(
            [("本级采用（单篇）", 2, 2m), ("本级采用（综合）", 1, 0.5m), ("市政协采用", 1, 5m), ("市级领导批示", 1, 10m)]);
        s.Members.Select(m => (m.Name, m.Sector, m.Submitted, m.Adopted, m.AdoptedOwn, m.AdoptedUpper, m.Instructions, m.Points)).ShouldBe(
        [
            ("甲委员", "教育", 2, 2, 2, 1, 1, 16.25m),
            ("乙委员", "经济", 2, 1, 1, 0, 0, 0.25m),
        ]);

        var last = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<OpinionStatisticsHandler>().GetAsync(c.Id, 2025));
        (last.Totals.Received, last.Members.Single().Submitted).ShouldBe((1, 1));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_rule_change_changes_the_ranking_at_once(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var (c, _, _) = await ArrangeAsync(app);
        var staff = await app.NewUserAsync(c, Roles.Staff, [Permissions.Opinions]);
        await app.AsAsync(Tongxin.Platform.Tenancy.Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<Tongxin.Platform.Data.TongxinDbContext>();
            data.OpinionSettings.Add(new OpinionSettings { CommitteeId = c.Id, PointsCity = 8, PointsInstructionCity = 4, JointPercent = 100 });
            await data.SaveChangesAsync();
        });
        var s = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<OpinionStatisticsHandler>().GetAsync(c.Id, 2026));
        s.Members.Select(m => (m.Name, m.Points)).ShouldBe([("甲委员", 13.5m), ("乙委员", 0.5m)]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_see_readable_committees_leaders_their_own_and_members_nothing(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var (c, a, _) = await ArrangeAsync(app);
        var county = await app.NewCommitteeAsync(c.Id, parentMayRead: true, level: CommitteeLevel.County);
        var cityStaff = await app.NewUserAsync(c, Roles.Staff, [Permissions.Opinions]);
        var leader = await app.NewUserAsync(c, Roles.Leader);
        var countyStaff = await app.NewUserAsync(county, Roles.Staff, [Permissions.Opinions]);
        var countyLeader = await app.NewUserAsync(county, Roles.Leader);
        var member = await app.NewUserAsync(c, Roles.Member, memberId: a);
        var otherStaff = await app.NewUserAsync(c, Roles.Staff, [Permissions.Proposals]);

        async Task<string> TryAsync(TestData.TestUser user, Guid committee)
        {
            try
            {
                var s = await app.AsAsync(user.Actor, sp => sp.GetRequiredService<OpinionStatisticsHandler>().GetAsync(committee, 2026));
                return s.CommitteeId == committee ? "ok" : "wrong committee";
            }
            catch (ForbiddenException)
            {
                return "forbidden";
            }
        }

        (await TryAsync(cityStaff, c.Id)).ShouldBe("ok");
        (await TryAsync(cityStaff, county.Id)).ShouldBe("ok");
        (await TryAsync(leader, c.Id)).ShouldBe("ok");
        (await TryAsync(leader, county.Id)).ShouldBe("forbidden");
        (await TryAsync(countyStaff, c.Id)).ShouldBe("forbidden");
        (await TryAsync(countyLeader, c.Id)).ShouldBe("forbidden");
        (await TryAsync(member, c.Id)).ShouldBe("forbidden");
        (await TryAsync(otherStaff, c.Id)).ShouldBe("forbidden");

        using var web = await WebSession.LoginAsync(app, leader.UserName);
        var page = await web.GetPageAsync("/Opinions/Statistics?year=2026");
        page.ShouldContain(c.Name);
        page.ShouldContain("甲委员");
        var ranking = await web.GetPageAsync($"/Opinions/Statistics/Ranking?committeeId={c.Id}&year=2026&list=members&page=1");
        ranking.ShouldContain("共 2 条");
        ranking.ShouldContain("16.25");
        var export = await web.GetAsync($"/Opinions/Statistics?committeeId={c.Id}&year=2026&table=Members&handler=Export");
        export.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        using var book = new XLWorkbook(await export.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet("委员积分排名");
        (sheet.Cell(2, 2).GetString(), sheet.Cell(2, 9).GetValue<decimal>()).ShouldBe(("甲委员", 16.25m));
        using var memberWeb = await WebSession.LoginAsync(app, member.UserName);
        (await memberWeb.GetAsync("/Opinions/Statistics")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }
}
