using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Evaluation;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Evaluation;

/// <summary>Evaluation projects through the browser's forms: staff create a project from a template, edit its
/// tree, invite experts and run a round; an expert answers with the sliders; staff see the results and adopt
/// the weights. And who may open which page.</summary>
public class EvaluationPageTests
{
    private static Task<ProjectView> ViewAsync(TestApp app, TestData.TestUser staff, Guid id) =>
        app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProjectHandler>().GetAsync(id));

    private static async Task<string> ShouldRedirectAsync(HttpResponseMessage response, string to)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, body);
        response.Headers.Location!.OriginalString.ShouldStartWith(to);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>The slider positions of a question: the first item is moderately more important (3, position −2)
    /// than each other one, the others equal – a consistent matrix.</summary>
    private static Dictionary<string, string> FirstItemFavoured(int n)
    {
        var fields = new Dictionary<string, string>();
        for (var k = 0; k < n * (n - 1) / 2; k++)
        {
            fields[$"positions[{k}]"] = k < n - 1 ? "-2" : "0";
        }

        return fields;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_run_a_project_in_the_browser_from_template_to_adopted_weights_and_the_expert_answers_with_sliders(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Evaluation]);
        var expert = await app.NewUserAsync(committee, Roles.Member);
        using var s = await WebSession.LoginAsync(app, staff.UserName);

        (await s.GetPageAsync("/Evaluation")).ShouldContain("还没有评价项目");
        var created = await s.PostFormAsync("/Evaluation/Create", new()
        {
            ["Input.Title"] = "提案质量评价权重（页面）",
            ["Input.Use"] = nameof(EvaluationUse.ProposalQuality),
            ["Input.Template"] = EvaluationTemplates.ProposalQuality,
        });
        var location = await ShouldRedirectAsync(created, "/Evaluation/Project/");
        var id = Guid.Parse(location["/Evaluation/Project/".Length..]);
        (await s.GetPageAsync("/Evaluation")).ShouldContain("提案质量评价权重（页面）");
        var page = await s.GetPageAsync(location);
        page.ShouldContain("选题价值");
        page.ShouldContain("一事一案");

        // The tree: add a dimension, a blank name is refused in Chinese, rename it, add and remove a criterion.
        var projectUrl = $"/Evaluation/Project/{id}";
        var goal = (await ViewAsync(app, staff, id)).Nodes.Single(n => n.ParentId == null);
        await ShouldRedirectAsync(await s.PostFormAsync($"{projectUrl}?handler=AddNode", new() { ["parentId"] = goal.Id.ToString(), ["name"] = "社会反响" }, projectUrl), projectUrl);
        var blank = await s.PostFormAsync($"{projectUrl}?handler=AddNode", new() { ["parentId"] = goal.Id.ToString(), ["name"] = " " }, projectUrl);
        blank.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await blank.Content.ReadAsStringAsync()).ShouldContain("指标名称不能为空。");
        var added = (await ViewAsync(app, staff, id)).Nodes.Single(n => n.Name == "社会反响");
        added.Key.ShouldBe("D5");
        await ShouldRedirectAsync(await s.PostFormAsync($"{projectUrl}?handler=RenameNode", new() { ["nodeId"] = added.Id.ToString(), ["name"] = "社会效果", ["version"] = added.Version.ToString() }, projectUrl), projectUrl);
        await ShouldRedirectAsync(await s.PostFormAsync($"{projectUrl}?handler=AddNode", new() { ["parentId"] = added.Id.ToString(), ["name"] = "媒体关注" }, projectUrl), projectUrl);
        var view = await ViewAsync(app, staff, id);
        view.Nodes.Single(n => n.Id == added.Id).Name.ShouldBe("社会效果");
        view.Nodes.Single(n => n.Name == "媒体关注").ParentId.ShouldBe(added.Id);
        (await s.GetPageAsync(projectUrl)).ShouldContain("data-confirm=\"确定删除「社会效果」及其全部下级指标？\"");
        await ShouldRedirectAsync(await s.PostFormAsync($"{projectUrl}?handler=RemoveNode", new() { ["nodeId"] = added.Id.ToString() }, projectUrl), projectUrl);
        view = await ViewAsync(app, staff, id);
        view.Nodes.ShouldNotContain(n => n.Name == "社会效果" || n.Name == "媒体关注");

        // Experts: find an account by user name and invite it; create an outside expert's account.
        var search = await s.GetPageAsync($"{projectUrl}?q={expert.UserName}");
        search.ShouldContain(expert.UserName);
        await ShouldRedirectAsync(await s.PostFormAsync($"{projectUrl}?handler=Invite", new() { ["userId"] = expert.Id.ToString() }, projectUrl), projectUrl);
        var outsider = $"expert.{Guid.NewGuid():N}"[..20];
        var refusedAccount = await s.PostFormAsync($"{projectUrl}?handler=CreateExpert", new() { ["Account.UserName"] = outsider, ["Account.DisplayName"] = "", ["Account.Password"] = TestData.Password }, projectUrl);
        refusedAccount.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refusedPage = await refusedAccount.Content.ReadAsStringAsync();
        refusedPage.ShouldContain("专家姓名不能为空。");
        refusedPage.ShouldContain($"value=\"{outsider}\"");
        await ShouldRedirectAsync(await s.PostFormAsync($"{projectUrl}?handler=CreateExpert", new() { ["Account.UserName"] = outsider, ["Account.DisplayName"] = "李教授", ["Account.Password"] = TestData.Password }, projectUrl), projectUrl);
        view = await ViewAsync(app, staff, id);
        view.Experts.Select(x => x.Alias).Order().ShouldBe(["专家1", "专家2"]);
        var professor = view.Experts.Single(x => x.Name == "李教授");
        var outsiderRoles = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().UserRoles.CountAsync(r => r.UserId == professor.UserId));
        outsiderRoles.ShouldBe(0);

        // Round 1: the tree freezes; the expert finds the questionnaire and answers every question with the sliders.
        await ShouldRedirectAsync(await s.PostFormAsync($"{projectUrl}?handler=OpenRound", new() { ["version"] = view.Version.ToString() }, projectUrl), projectUrl);
        (await ViewAsync(app, staff, id)).Status.ShouldBe(EvaluationStatus.Open);
        using var e = await WebSession.LoginAsync(app, expert.UserName);
        var my = await e.GetPageAsync("/Evaluation/My");
        my.ShouldContain("提案质量评价权重（页面）");
        my.ShouldContain($"/Evaluation/Answer/{id}");
        var answerUrl = $"/Evaluation/Answer/{id}";
        var form = await e.GetPageAsync(answerUrl);
        form.ShouldContain("type=\"range\"");
        form.ShouldContain("两者同等重要（1）");
        form.ShouldContain("evaluation-answer.js");

        var questions = view.Questions;
        var invalid = await e.PostFormAsync($"{answerUrl}?node={questions[0].Id}", new() { ["positions[0]"] = "abc", ["positions[1]"] = "0", ["positions[2]"] = "0", ["positions[3]"] = "0", ["positions[4]"] = "0", ["positions[5]"] = "0" }, answerUrl);
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("须在 1/9 至 9 之间");
        foreach (var q in questions)
        {
            var n = view.ChildrenOf(q.Id).Count();
            var saved = await e.PostFormAsync($"{answerUrl}?node={q.Id}", FirstItemFavoured(n), $"{answerUrl}?node={q.Id}");
            await ShouldRedirectAsync(saved, answerUrl);
        }

        var stored = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().EvaluationAnswers.AsNoTracking()
            .Where(a => a.ProjectId == id).Select(a => new { a.NodeId, a.Judgments, a.ConsistencyRatio }).ToListAsync());
        stored.Count.ShouldBe(questions.Count);
        stored.Single(a => a.NodeId == questions[0].Id).Judgments.ShouldBe("3;3;3;1;1;1");
        stored.ShouldAllBe(a => a.ConsistencyRatio < 1e-9);
        (await e.GetPageAsync("/Evaluation/My")).ShouldContain("暂无待填写的问卷");
        // The saved answer pre-fills the sliders with its words.
        (await e.GetPageAsync($"{answerUrl}?node={questions[0].Id}")).ShouldContain("「选题价值」比「调研基础」稍重要（3）");

        // Close the round; the expert sees the anonymous aggregate; staff see the results and adopt them.
        await ShouldRedirectAsync(await s.PostFormAsync($"{projectUrl}?handler=CloseRound", new() { ["version"] = (await ViewAsync(app, staff, id)).Version.ToString() }, projectUrl), projectUrl);
        (await s.GetPageAsync(projectUrl)).ShouldContain("第 1 轮");
        (await e.GetPageAsync(answerUrl)).ShouldContain("上轮专家意见（匿名汇总）：中位数 3");
        var results = await s.GetPageAsync($"/Evaluation/Results/{id}");
        results.ShouldContain("选题价值");
        results.ShouldContain("chart-bar");
        await ShouldRedirectAsync(await s.PostFormAsync($"/Evaluation/Results/{id}?handler=Adopt", [], $"/Evaluation/Results/{id}"), $"/Evaluation/Results/{id}");
        var adoptedPage = await s.GetPageAsync("/Evaluation/Adopted");
        adoptedPage.ShouldContain("提案质量评价");
        adoptedPage.ShouldContain("提案质量评价权重（页面）");
        // 选题价值 is favoured 3:1:1:1 over the other three dimensions: weight 3/6.
        adoptedPage.ShouldContain("0.5000");
        var excel = await s.GetAsync("/Evaluation/Adopted?handler=Excel");
        excel.StatusCode.ShouldBe(HttpStatusCode.OK);
        excel.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await excel.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(1000);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_refused_action_is_explained_on_the_page_and_the_questionnaire_waits_for_the_first_round(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Evaluation]);
        var expert = await app.NewUserAsync(committee, Roles.Member);
        var id = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProjectHandler>().CreateAsync(new ProjectInput { Title = "空白项目", Use = EvaluationUse.General }));
        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProjectHandler>().InviteAsync(id, expert.Id));
        using var s = await WebSession.LoginAsync(app, staff.UserName);
        var projectUrl = $"/Evaluation/Project/{id}";

        // An empty project (the goal only) has nothing to compare yet.
        var refused = await s.PostFormAsync($"{projectUrl}?handler=OpenRound", new() { ["version"] = (await ViewAsync(app, staff, id)).Version.ToString() }, projectUrl);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("层次结构中还没有需要两两比较的指标");
        var stale = await s.PostFormAsync($"{projectUrl}?handler=OpenRound", new() { ["version"] = "999" }, projectUrl);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("已被他人修改");
        var create = await s.PostFormAsync("/Evaluation/Create", new() { ["Input.Title"] = "", ["Input.Use"] = "General" });
        create.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await create.Content.ReadAsStringAsync()).ShouldContain("项目名称不能为空。");
        var results = await s.GetPageAsync($"/Evaluation/Results/{id}");
        results.ShouldContain("还没有专家作答");

        using var e = await WebSession.LoginAsync(app, expert.UserName);
        (await e.GetPageAsync($"/Evaluation/Answer/{id}")).ShouldContain("评价尚未开始。");
        (await e.GetPageAsync("/Evaluation/My")).ShouldContain("空白项目");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Members_staff_without_the_permission_and_another_committee_cannot_open_the_staff_pages_and_only_invited_experts_the_questionnaire(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var committee = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Evaluation]);
        var invited = await app.NewUserAsync(committee, Roles.Member);
        var member = await app.NewUserAsync(committee, Roles.Member);
        var staffWithout = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Proposals]);
        var otherStaff = await app.NewUserAsync(other, Roles.Staff, [Permissions.Evaluation]);
        var id = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProjectHandler>().CreateAsync(new ProjectInput { Title = "协商质效权重", Use = EvaluationUse.ConsultationQuality, Template = EvaluationTemplates.ConsultationQuality }));
        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProjectHandler>().InviteAsync(id, invited.Id));
        var view = await ViewAsync(app, staff, id);
        await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProjectHandler>().OpenRoundAsync(id, view.Version));

        string[] staffPages = ["/Evaluation", "/Evaluation/Create", "/Evaluation/Adopted", $"/Evaluation/Project/{id}", $"/Evaluation/Results/{id}"];
        foreach (var who in new[] { invited, member, staffWithout })
        {
            using var s = await WebSession.LoginAsync(app, who.UserName);
            foreach (var url in staffPages)
            {
                (await s.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{who.UserName} GET {url}");
            }

            var post = await s.PostFormAsync($"/Evaluation/Project/{id}?handler=AddNode", new() { ["parentId"] = view.Nodes[0].Id.ToString(), ["name"] = "越权指标" }, "/Evaluation/My");
            post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var o = await WebSession.LoginAsync(app, otherStaff.UserName))
        {
            (await o.GetPageAsync("/Evaluation")).ShouldNotContain("协商质效权重");
            foreach (var url in new[] { $"/Evaluation/Project/{id}", $"/Evaluation/Results/{id}", $"/Evaluation/Answer/{id}" })
            {
                new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound }.ShouldContain((await o.GetAsync(url)).StatusCode, url);
            }

            var adopt = await o.PostFormAsync($"/Evaluation/Results/{id}?handler=Adopt", [], "/Evaluation");
            new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound }.ShouldContain(adopt.StatusCode);
        }

        using (var m = await WebSession.LoginAsync(app, member.UserName))
        {
            (await m.GetAsync($"/Evaluation/Answer/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            var answer = await m.PostFormAsync($"/Evaluation/Answer/{id}?node={view.Questions[0].Id}", FirstItemFavoured(5), "/Evaluation/My");
            answer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var i = await WebSession.LoginAsync(app, invited.UserName);
        (await i.GetPageAsync($"/Evaluation/Answer/{id}")).ShouldContain("type=\"range\"");
        var count = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().EvaluationNodes.CountAsync(n => n.ProjectId == id && n.Name == "越权指标"));
        count.ShouldBe(0);
    }
}
