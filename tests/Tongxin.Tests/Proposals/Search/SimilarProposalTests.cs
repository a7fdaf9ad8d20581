using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Search;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Search;

/// <summary>相似提案 for a draft: the committee's submitted proposals on the same matter, in other
/// words, ranked with a 0–1 score; linked committees on request; never a text the caller may not see.</summary>
public sealed class SimilarProposalTests
{
    private const string Draft = "关于为老旧住宅增设电梯的建议\n六层老楼没有电梯，老年住户爬楼困难，低层业主担心采光，加装电梯意见难统一。\n简化审批，给予财政补贴，允许提取公积金。";

    private static Task<IReadOnlyList<SimilarProposal>> FindAsync(TestApp app, TestData.TestUser user, Guid committeeId, string text, bool linked = false, Guid? exclude = null) =>
        app.AsAsync(user.Actor, sp => sp.GetRequiredService<ProposalSimilarity>().FindAsync(committeeId, text, exclude, linked));

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_see_same_matter_proposals_of_the_committee_first(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(parentId: city.Id, parentMayRead: true);
        var same = await app.AddProposalAsync(city.Id, "关于加快推进老旧小区加装电梯的建议", "多层住宅没有电梯，老人上下楼难，低层住户有顾虑。", "简化加装电梯审批，出台补贴和公积金提取政策。", ProposalStatus.Submitted, mayPublish: false);
        var other = await app.AddProposalAsync(city.Id, "关于缓解老城区停车难的建议", "停车泊位不足。", "建设立体停车库。");
        var publicNeighbour = await app.AddProposalAsync(city.Id, "关于加强老旧小区电梯维保的建议", "老旧小区电梯困人故障多。", "推行电梯按需维保。");
        var withdrawn = await app.AddProposalAsync(city.Id, "关于老楼加装电梯的建议", "老楼没有电梯，老人爬楼难。", "给予加装电梯补贴。", ProposalStatus.Withdrawn);
        var draft = await app.AddProposalAsync(city.Id, "关于老楼电梯加装的建议", "老楼没有电梯。", "加装电梯补贴。", ProposalStatus.Draft);
        var inCounty = await app.AddProposalAsync(county.Id, "关于县城老旧住宅加装电梯的建议", "县城多层住宅老人爬楼难。", "加装电梯给予补贴。");
        await app.IndexAsync();

        var staff = await app.NewUserAsync(city, Roles.Staff);
        var found = await FindAsync(app, staff, city.Id, Draft);
        found[0].Id.ShouldBe(same);
        found[0].Score.ShouldBeInRange(0.2, 1);
        found[0].MayOpen.ShouldBeTrue();
        found.Select(f => f.Id).ShouldNotContain(withdrawn);
        found.Select(f => f.Id).ShouldNotContain(draft);
        found.Select(f => f.Id).ShouldNotContain(inCounty);
        found.Where(f => f.Id == other).ShouldAllBe(f => f.Score < found[0].Score / 2);
        found.Select(f => f.Id).ShouldContain(publicNeighbour);

        var linked = await FindAsync(app, staff, city.Id, Draft, linked: true);
        linked.Select(f => f.Id).ShouldContain(inCounty);
        linked[0].Id.ShouldBe(same);
        (await FindAsync(app, staff, city.Id, Draft, exclude: same)).Select(f => f.Id).ShouldNotContain(same);

        // The county sees its parent's public proposals when linked, not the city's unpublished one under review.
        var countyStaff = await app.NewUserAsync(county, Roles.Staff);
        var fromCounty = await FindAsync(app, countyStaff, county.Id, Draft, linked: true);
        fromCounty[0].Id.ShouldBe(inCounty);
        fromCounty.Select(f => f.Id).ShouldNotContain(same);
        fromCounty.Single(f => f.Id == publicNeighbour).MayOpen.ShouldBeFalse();
        await Should.ThrowAsync<ForbiddenException>(() => FindAsync(app, countyStaff, city.Id, Draft));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_drafting_member_sees_public_and_own_proposals_only(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var memberId = Guid.NewGuid();
        var member = await app.NewUserAsync(committee, Roles.Member, memberId: memberId);
        var published = await app.AddProposalAsync(committee.Id, "关于为无电梯多层住宅增设电梯的提案", "老楼居民爬楼难。", "明确增设电梯补助标准。");
        var othersUnderReview = await app.AddProposalAsync(committee.Id, "关于破解既有住宅电梯加装难题的建议", "电梯加装资金分摊争议大。", "推行联合审批。", ProposalStatus.Submitted);
        var own = await app.AddProposalAsync(committee.Id, "关于老楼加装电梯补贴的建议", "老楼加装电梯费用高。", "提高补贴。", ProposalStatus.Submitted, mayPublish: false, leadMemberId: memberId);
        await app.IndexAsync();

        var found = await FindAsync(app, member, committee.Id, Draft);
        found.Select(f => f.Id).ShouldBe([published, own], ignoreOrder: true);
        found.Single(f => f.Id == published).MayOpen.ShouldBeFalse();
        found.Single(f => f.Id == own).MayOpen.ShouldBeTrue();
        othersUnderReview.ShouldNotBe(Guid.Empty);

        var unit = await app.NewUserAsync(committee, Roles.Unit, unitId: Guid.NewGuid());
        await Should.ThrowAsync<ForbiddenException>(() => FindAsync(app, unit, committee.Id, Draft));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_fragment_and_the_api_list_similar_proposals(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var same = await app.AddProposalAsync(committee.Id, "关于加快推进老旧小区加装电梯的建议", "多层住宅没有电梯，老人上下楼难。", "出台加装电梯补贴政策。");
        await app.IndexAsync();

        using var session = await WebSession.LoginAsync(app, staff.UserName);
        var response = await session.PostFormAsync("/Proposals/Similar", new() { ["text"] = Draft, ["linked"] = "false" }, formPageUrl: "/Proposals/Search");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldStartWith("<div class=\"similar-proposals\"");
        html.ShouldContain($"/Proposals/Detail/{same}");
        html.ShouldContain("关于加快推进老旧小区加装电梯的建议");

        var excluded = await session.PostFormAsync("/Proposals/Similar", new() { ["text"] = Draft, ["excludeId"] = same.ToString() }, formPageUrl: "/Proposals/Search");
        (await excluded.Content.ReadAsStringAsync()).ShouldContain("未发现相似提案");

        var api = await session.Client.PostAsJsonAsync("/api/v1/proposals/similar", new { text = Draft });
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await api.Content.ReadFromJsonAsync<JsonElement>();
        list[0].GetProperty("id").GetGuid().ShouldBe(same);
        list[0].GetProperty("score").GetDouble().ShouldBeInRange(0.0, 1.0);
    }
}
