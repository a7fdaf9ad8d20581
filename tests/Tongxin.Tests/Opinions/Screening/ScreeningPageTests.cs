using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Seeding;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;
using Xunit;

namespace Tongxin.Tests.Opinions.Screening;

/// <summary>The screening pages over HTTP, the proposal draft prefilled from a proposal clue, and the demo data.</summary>
public class ScreeningPageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_screen_from_the_queue_and_the_review_page(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var first = await w.ReportAsync(title: "关于优化城乡公交班次的建议");
        var second = await w.ReportAsync(title: "关于增设社区夜间门诊的建议");
        await w.ReportAsync(title: "关于规范校外培训收费的建议");
        using var s = await WebSession.LoginAsync(app, w.Staff.UserName);

        var queue = await s.GetPageAsync("/Opinions/Screening");
        queue.ShouldContain("关于优化城乡公交班次的建议");
        queue.ShouldContain("共 3 条");

        var batch = await s.PostFormAsync("/Opinions/Screening?handler=Batch", new() { ["decision"] = "keep", ["ids"] = first.ToString() }, "/Opinions/Screening");
        batch.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.ReadAsync(first)).Status.ShouldBe(OpinionStatus.Kept);

        var review = $"/Opinions/Screening/Review/{second}";
        (await s.GetPageAsync(review)).ShouldContain("反映问题不具普遍性");
        var refused = await s.PostFormAsync($"{review}?handler=Reject", new() { ["Reason"] = "", ["OwnReason"] = " " }, review);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("请选择或填写不采用的理由。");
        (await w.ReadAsync(second)).Status.ShouldBe(OpinionStatus.Submitted);

        (await s.PostFormAsync($"{review}?handler=Reject", new() { ["Reason"] = "", ["OwnReason"] = "已有同类信息" }, review)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.ReadAsync(second)).ScreeningNote.ShouldBe("已有同类信息");
        // Decided: the page shows the decision and no more forms.
        var decided = await s.GetPageAsync(review);
        decided.ShouldContain("已有同类信息");
        decided.ShouldNotContain("handler=Adopt");

        var export = await s.GetAsync("/Opinions/Screening?Filter.Status=all&handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Others_cannot_open_the_screening_pages(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var id = await w.ReportAsync();
        foreach (var user in new[] { w.Member, w.StaffWithoutPermission })
        {
            using var s = await WebSession.LoginAsync(app, user.UserName);
            (await s.GetAsync("/Opinions/Screening")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await s.GetAsync($"/Opinions/Screening/Review/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var county = await WebSession.LoginAsync(app, w.CountyStaff.UserName);
        (await county.GetAsync($"/Opinions/Screening/Review/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_author_drafts_a_proposal_from_a_proposal_clue(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var id = await w.ReportAsync(OpinionStatus.ProposalClue, title: "关于系统治理电动自行车充电隐患的建议");
        using var s = await WebSession.LoginAsync(app, w.Member.UserName);

        var page = await s.GetPageAsync($"/Proposals/My/Edit?fromReport={id}");
        page.ShouldContain("关于系统治理电动自行车充电隐患的建议");
        page.ShouldContain("一是推行停车预约；二是错时共享周边车位。");

        using var other = await WebSession.LoginAsync(app, w.Member2.UserName);
        (await other.GetAsync($"/Proposals/My/Edit?fromReport={id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_data_has_reports_in_every_status_with_bulletins_and_outcomes(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        await app.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var city = await data.Committees.SingleAsync(c => c.Name == DemoSeeder.CityCommitteeName);
            var county = await data.Committees.SingleAsync(c => c.Name == OpinionDemoSeeder.CountyCommitteeName);
            var demoMember = await data.Users.Where(u => u.UserName == "demo.member").Select(u => u.MemberId).SingleAsync();
            var statuses = await data.OpinionReports.Where(r => r.CommitteeId == city.Id).Select(r => r.Status).Distinct().ToListAsync();
            statuses.ShouldBe(Enum.GetValues<OpinionStatus>(), ignoreOrder: true);
            (await data.OpinionReports.CountAsync(r => r.CommitteeId == city.Id)).ShouldBeInRange(110, 140);
            (await data.OpinionReports.CountAsync(r => r.CommitteeId == county.Id)).ShouldBeInRange(15, 25);
            (await data.OpinionReportAuthors.CountAsync(a => a.MemberId == demoMember)).ShouldBeGreaterThanOrEqualTo(5);
            (await data.OpinionReportVersions.CountAsync(v => v.CommitteeId == city.Id && !v.IsAuthorText)).ShouldBeGreaterThan(10);
            var bulletins = await data.OpinionBulletins.Where(b => b.CommitteeId == city.Id).ToListAsync();
            bulletins.ShouldAllBe(b => b.Status == BulletinStatus.Issued && b.IssueNo != null);
            bulletins.Select(b => b.Type).Distinct().ShouldBe(["快报", "专报", "综合"], ignoreOrder: true);
            (await data.OpinionOutcomes.AnyAsync(o => o.CommitteeId == city.Id && o.Combined)).ShouldBeTrue();
            (await data.OpinionOutcomes.AnyAsync(o => o.CommitteeId == city.Id && o.Kind == OpinionOutcomeKind.Instruction)).ShouldBeTrue();
            (await data.OpinionOutcomes.AnyAsync(o => o.CommitteeId == county.Id && o.FromReportId != null && o.Level == AdoptionLevel.City)).ShouldBeTrue();
            // A county report forwarded upward waits in the city's queue.
            (await data.OpinionReports.AnyAsync(r => r.CommitteeId == city.Id && r.ForwardedFromReportId != null && r.Status == OpinionStatus.Submitted)).ShouldBeTrue();
            // Every published report was printed in an issued bulletin.
            (await data.OpinionReports.Where(r => r.Status == OpinionStatus.Published && (r.CommitteeId == city.Id || r.CommitteeId == county.Id))
                .AllAsync(r => data.OpinionBulletinArticleReports.Any(a => a.ReportId == r.Id))).ShouldBeTrue();
        });
    }
}
