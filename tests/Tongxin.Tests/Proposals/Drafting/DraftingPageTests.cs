using System.Net;
using System.Net.Http.Json;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Drafting;

/// <summary>The member's pages and API over HTTP: draft → submit → co-signer confirms → my proposals and timeline.</summary>
public class DraftingPageTests
{
    private static async Task<string> ShouldRedirectAsync(HttpResponseMessage response, string to)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, body);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith(to);
        return location;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_drafts_and_submits_on_the_page_and_the_co_signer_confirms(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();
        using var lead = await WebSession.LoginAsync(app, w.Lead.UserName);

        var blank = await lead.GetPageAsync("/Proposals/My/Edit");
        blank.ShouldContain("起草提案");
        blank.ShouldContain("hx-post=\"/Proposals/Similar\"");
        blank.ShouldContain("测试住建局");
        blank.ShouldContain("李联名");
        blank.ShouldNotContain(">王提案<");

        var invalid = await lead.PostFormAsync("/Proposals/My/Edit?handler=Save", new() { ["Input.Title"] = "", ["Input.Suggestions"] = "" }, "/Proposals/My/Edit");
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var invalidPage = await invalid.Content.ReadAsStringAsync();
        invalidPage.ShouldContain("案由不能为空。");
        invalidPage.ShouldContain("具体建议不能为空。");

        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "加装电梯",
            ["Input.Situation"] = "老旧小区老人上下楼难。",
            ["Input.Suggestions"] = "简化审批，设立补贴。",
            ["Input.Category"] = "城市建设与管理",
            ["Input.SuggestedUnits"] = "测试住建局",
            ["Input.Kind"] = nameof(ProposerKind.Joint),
            ["Input.CoSignerIds"] = w.CoSigner.Actor.MemberId!.Value.ToString(),
            ["Input.MayPublish"] = "true",
            ["Input.Version"] = "0",
        };
        var location = await ShouldRedirectAsync(await lead.PostFormAsync("/Proposals/My/Edit?handler=Save", fields, "/Proposals/My/Edit"), "/Proposals/My/Edit/");
        var id = Guid.Parse(location.Split('/').Last());
        var stored = await app.StoredProposalAsync(id);
        stored.ShouldSatisfyAllConditions(p => p.Title.ShouldBe("加装电梯"), p => p.Kind.ShouldBe(ProposerKind.Joint), p => p.Status.ShouldBe(ProposalStatus.Draft));
        var editPage = await lead.GetPageAsync(location);
        editPage.ShouldContain("data-testid=\"draft-warning\"");
        editPage.ShouldContain("value=\"加装电梯\"");

        fields["Input.Title"] = "关于老旧小区加装电梯的建议";
        fields["Input.Version"] = stored.Version.ToString();
        await ShouldRedirectAsync(await lead.PostFormAsync($"{location}?handler=Submit", fields, location), location);
        stored = await app.StoredProposalAsync(id);
        stored.ShouldSatisfyAllConditions(p => p.Status.ShouldBe(ProposalStatus.Submitted), p => p.Title.ShouldBe("关于老旧小区加装电梯的建议"), p => p.IsPlenary.ShouldBeTrue());

        using var coSigner = await WebSession.LoginAsync(app, w.CoSigner.UserName);
        (await coSigner.GetPageAsync("/")).ShouldContain("待确认的联名提案");
        var requests = await coSigner.GetPageAsync("/Proposals/My/CoSign");
        requests.ShouldContain("关于老旧小区加装电梯的建议");
        requests.ShouldContain("确认联名");
        await ShouldRedirectAsync(await coSigner.PostFormAsync($"/Proposals/My/CoSign?handler=Confirm&proposalId={id}", [], "/Proposals/My/CoSign"), "/Proposals/My/CoSign");
        (await app.StoredSignersAsync(id)).Single(s => !s.IsLead).Status.ShouldBe(SignerStatus.Confirmed);
        (await coSigner.GetPageAsync("/Proposals/My/CoSign")).ShouldContain("data-testid=\"cosign-empty\"");

        var mine = await lead.GetPageAsync("/Proposals/My");
        mine.ShouldContain("关于老旧小区加装电梯的建议");
        mine.ShouldContain("李联名：已确认");
        var view = await lead.GetPageAsync(location);
        view.ShouldContain("data-step=\"提交\" data-done=\"true\"");
        view.ShouldContain("data-step=\"审查\" data-done=\"false\"");
        view.ShouldContain("撤回提案");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_shared_draft_is_discussed_on_the_discussion_pages(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();
        var saved = await app.DraftAsync(w.Lead, DraftingTestData.Input());
        using var lead = await WebSession.LoginAsync(app, w.Lead.UserName);
        await ShouldRedirectAsync(await lead.PostFormAsync($"/Proposals/My/Edit/{saved.Id}?handler=Share", [], $"/Proposals/My/Edit/{saved.Id}"), $"/Proposals/My/Edit/{saved.Id}");

        using var other = await WebSession.LoginAsync(app, w.OtherMember.UserName);
        (await other.GetPageAsync("/Proposals/Discuss")).ShouldContain("关于加强老旧小区加装电梯的建议");
        var url = $"/Proposals/Discuss/View/{saved.Id}";
        await ShouldRedirectAsync(await other.PostFormAsync(url, new() { ["Text"] = "建议补充补贴标准。" }), url);

        (await lead.GetPageAsync($"/Proposals/My/Edit/{saved.Id}")).ShouldContain("建议补充补贴标准。");
        (await other.GetAsync($"/Proposals/My/Edit/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_member_api_drafts_and_lists_and_refuses_other_roles(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewWorldAsync();
        using var lead = await WebSession.LoginAsync(app, w.Lead.UserName);
        var body = new { title = "关于规范共享单车停放的建议", situation = "", suggestions = "划定停放区。", category = "城市建设与管理", suggestedUnits = "", mayPublish = true, kind = 1, coSignerIds = Array.Empty<Guid>() };

        var created = await lead.Client.PostAsJsonAsync("/api/v1/member/proposals", body);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var list = await lead.Client.GetStringAsync("/api/v1/member/proposals");
        list.ShouldContain("关于规范共享单车停放的建议");
        var id = created.Headers.Location!.OriginalString.Split('/').Last();
        var submit = await lead.Client.PostAsJsonAsync($"/api/v1/member/proposals/{id}/submit", new { version = (await app.StoredProposalAsync(Guid.Parse(id))).Version });
        submit.StatusCode.ShouldBe(HttpStatusCode.NoContent, await submit.Content.ReadAsStringAsync());
        (await lead.Client.GetStringAsync($"/api/v1/member/proposals/{id}/timeline")).ShouldContain("提交提案");
        var again = await lead.Client.PostAsJsonAsync($"/api/v1/member/proposals/{id}/submit", new { version = 0 });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var unitUser = await app.NewUserAsync(w.Committee, Roles.Unit);
        using var unit = await WebSession.LoginAsync(app, unitUser.UserName);
        (await unit.Client.PostAsJsonAsync("/api/v1/member/proposals", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await unit.Client.GetAsync("/api/v1/member/proposals")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = new WebSession(app);
        (await anonymous.Client.GetAsync("/api/v1/member/proposals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
