using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Search;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Search;

/// <summary>提案检索: the index follows the proposals, finds 2- and 4-character words, marks
/// them, and shows each user only what they may read.</summary>
public sealed class SearchTests
{
    private static Task<Modules.Proposals.Search.ProposalSearchHit[]> SearchAsync(TestApp app, TestData.TestUser user, string q, ProposalSearchFilter? filter = null) =>
        app.AsAsync(user.Actor, async sp => (await sp.GetRequiredService<ProposalSearch>().SearchAsync(q, filter ?? new(), 1)).Items.ToArray());

    [Theory, ClassData(typeof(Databases))]
    public async Task The_index_follows_every_change_event(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var id = await app.AddProposalAsync(committee.Id, "关于发展社区老年助餐服务的建议", "独居老人吃饭难。", status: ProposalStatus.Submitted);

        (await SearchAsync(app, staff, "助餐")).ShouldBeEmpty("not indexed before the event is delivered");
        await app.IndexAsync();
        (await SearchAsync(app, staff, "助餐")).Single().Id.ShouldBe(id);

        await app.ChangeAsync(id, p => (p.Title, p.Status) = ("关于建设社区长者食堂的建议", ProposalStatus.Filed));
        await app.IndexAsync();
        (await SearchAsync(app, staff, "助餐")).ShouldBeEmpty();
        var hit = (await SearchAsync(app, staff, "长者食堂")).Single();
        hit.Status.ShouldBe(ProposalStatus.Filed);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_and_four_character_words_are_found_and_marked(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var elevator = await app.AddProposalAsync(committee.Id, "关于老旧小区加装电梯的建议", "多层住宅没有电梯，老人<上下楼>困难。", "提取公积金支付加装费用。");
        var parking = await app.AddProposalAsync(committee.Id, "关于缓解老城区停车难的建议", "夜间停车泊位不足。", "错时开放机关停车场。",
            replies: [new SearchTestData.Reply("我局将新建立体停车库三座。"), new SearchTestData.Reply("草稿：拟增设潮汐车道。", ReplyStatus.Draft, "市公安局")]);
        var insurance = await app.AddProposalAsync(committee.Id, "关于优化医保异地结算的建议", "随迁老人看病要先垫付。", "扩大直接结算范围。");
        await app.IndexAsync();

        (await SearchAsync(app, staff, "停车")).Select(h => h.Id).ShouldBe([parking]);
        (await SearchAsync(app, staff, "医保")).Select(h => h.Id).ShouldBe([insurance]);
        (await SearchAsync(app, staff, "老人")).Select(h => h.Id).ShouldBe([elevator, insurance], ignoreOrder: true);
        (await SearchAsync(app, staff, "加装电梯")).Select(h => h.Id).ShouldBe([elevator]);
        // A 4-character word is matched as written: its characters scattered do not count.
        (await SearchAsync(app, staff, "电梯加装")).ShouldBeEmpty();
        // Several words: all must occur.
        (await SearchAsync(app, staff, "老人 垫付")).Select(h => h.Id).ShouldBe([insurance]);

        var hit = (await SearchAsync(app, staff, "电梯")).Single();
        hit.TitleHtml.ShouldBe("关于老旧小区加装<mark>电梯</mark>的建议");
        hit.SnippetHtml.ShouldContain("没有<mark>电梯</mark>，老人&lt;上下楼&gt;困难。");

        // The approved reply is searched; a draft reply is not.
        var reply = (await SearchAsync(app, staff, "立体停车库")).Single();
        reply.Id.ShouldBe(parking);
        reply.MatchedInReply.ShouldBeTrue();
        reply.SnippetHtml.ShouldContain("<mark>立体停车库</mark>");
        (await SearchAsync(app, staff, "潮汐车道")).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Filters_narrow_the_results(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var session = Guid.NewGuid();
        var thisYear = await app.AddProposalAsync(committee.Id, "关于规范校外培训的建议", "预收费风险大。", sessionId: session, category: "教科文卫体");
        var lastYear = await app.AddProposalAsync(committee.Id, "关于校外培训资金监管的建议", "机构卷款跑路。", year: 2025, status: ProposalStatus.Completed);
        await app.IndexAsync();

        (await SearchAsync(app, staff, "校外培训")).Length.ShouldBe(2);
        (await SearchAsync(app, staff, "校外培训", new(Year: 2025))).Select(h => h.Id).ShouldBe([lastYear]);
        (await SearchAsync(app, staff, "校外培训", new(SessionId: session))).Select(h => h.Id).ShouldBe([thisYear]);
        (await SearchAsync(app, staff, "校外培训", new(Status: ProposalStatus.Completed))).Select(h => h.Id).ShouldBe([lastYear]);
        (await SearchAsync(app, staff, "校外培训", new(Category: "教科文卫体"))).Select(h => h.Id).ShouldBe([thisYear]);
        // No words: every readable proposal, newest first.
        (await SearchAsync(app, staff, "")).Length.ShouldBe(2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_finds_own_proposals_but_not_others_unpublished_ones(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var memberId = Guid.NewGuid();
        var member = await app.NewUserAsync(committee, Roles.Member, memberId: memberId);
        var mine = await app.AddProposalAsync(committee.Id, "关于河道治理的建议", "内河黑臭。", status: ProposalStatus.Submitted, leadMemberId: memberId, mayPublish: false);
        var myDraft = await app.AddProposalAsync(committee.Id, "关于河道清淤的建议", "淤积严重。", status: ProposalStatus.Draft, leadMemberId: memberId);
        var othersSubmitted = await app.AddProposalAsync(committee.Id, "关于河道保洁的建议", "漂浮垃圾多。", status: ProposalStatus.Submitted);
        var othersUnpublished = await app.AddProposalAsync(committee.Id, "关于河道排污口整治的建议", "直排入河。", mayPublish: false);
        var othersDraft = await app.AddProposalAsync(committee.Id, "关于河道生态修复的建议", "鱼虾绝迹。", status: ProposalStatus.Draft);
        await app.IndexAsync();

        (await SearchAsync(app, member, "河道")).Select(h => h.Id).ShouldBe([mine, myDraft], ignoreOrder: true);

        // Staff of the committee see every submitted one, not drafts.
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        (await SearchAsync(app, staff, "河道")).Select(h => h.Id).ShouldBe([mine, othersSubmitted, othersUnpublished], ignoreOrder: true);
        // Staff without the 提案 permission see nothing; a unit sees only what it was assigned.
        var otherStaff = await app.NewUserAsync(committee, Roles.Staff, permissions: [Permissions.Organization]);
        (await SearchAsync(app, otherStaff, "河道")).ShouldBeEmpty();
        var unit = await app.NewUserAsync(committee, Roles.Unit, unitId: Guid.NewGuid());
        (await SearchAsync(app, unit, "河道")).ShouldBeEmpty();
        othersDraft.ShouldNotBe(Guid.Empty);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task County_staff_do_not_find_the_citys_proposals(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(parentId: city.Id, parentMayRead: true);
        var cityProposal = await app.AddProposalAsync(city.Id, "关于垃圾分类的建议", "前分后混。");
        var countyProposal = await app.AddProposalAsync(county.Id, "关于农村垃圾分类的建议", "清运不及时。");
        await app.IndexAsync();

        var countyStaff = await app.NewUserAsync(county, Roles.Staff);
        (await SearchAsync(app, countyStaff, "垃圾分类")).Select(h => h.Id).ShouldBe([countyProposal]);
        var cityStaff = await app.NewUserAsync(city, Roles.Staff);
        (await SearchAsync(app, cityStaff, "垃圾分类")).Select(h => h.Id).ShouldBe([cityProposal, countyProposal], ignoreOrder: true);
        (await SearchAsync(app, cityStaff, "垃圾分类", new(CommitteeId: county.Id))).Select(h => h.Id).ShouldBe([countyProposal]);
        var cityLeader = await app.NewUserAsync(city, Roles.Leader);
        (await SearchAsync(app, cityLeader, "垃圾分类")).Select(h => h.Id).ShouldBe([cityProposal]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_search_page_and_api_show_marked_results(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var memberId = Guid.NewGuid();
        var member = await app.NewUserAsync(committee, Roles.Member, memberId: memberId);
        var mine = await app.AddProposalAsync(committee.Id, "关于增加养老床位的建议", "养老机构一床难求。", leadMemberId: memberId);
        await app.AddProposalAsync(committee.Id, "关于养老护理员培训的建议", "护理员短缺。", mayPublish: false);
        await app.IndexAsync();

        using var session = await WebSession.LoginAsync(app, member.UserName);
        var page = await session.GetPageAsync("/Proposals/Search?q=%E5%85%BB%E8%80%81");
        page.ShouldContain("关于增加<mark>养老</mark>床位的建议");
        page.ShouldContain($"/Proposals/Detail/{mine}");
        page.ShouldNotContain("护理员");

        var api = await session.Client.GetFromJsonAsync<JsonElement>("/api/v1/proposals/search?q=%E5%85%BB%E8%80%81");
        api.GetProperty("total").GetInt32().ShouldBe(1);
        api.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(mine);

        using var anonymous = new WebSession(app);
        (await anonymous.GetAsync("/api/v1/proposals/search?q=x")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Rebuild_fills_the_index_from_the_database(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db, settings: new Dictionary<string, string?> { ["Tongxin:Events:RunDispatcher"] = "false" });
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff);
        var id = await app.AddProposalAsync(committee.Id, "关于新能源汽车充电桩建设的建议", "充电难。");
        (await SearchAsync(app, staff, "充电桩")).ShouldBeEmpty("the event has not been delivered");

        var count = await app.AsAsync(Tongxin.Platform.Tenancy.Actor.System, sp => sp.GetRequiredService<ProposalIndexer>().RebuildAsync(CancellationToken.None));

        count.ShouldBeGreaterThanOrEqualTo(1);
        (await SearchAsync(app, staff, "充电桩")).Single().Id.ShouldBe(id);
    }
}
