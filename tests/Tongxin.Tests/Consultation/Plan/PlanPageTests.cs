using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.PublicChannels;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Plan;

/// <summary>The pool, plan, calendar, suggestion and settings pages over HTTP, and the exports.</summary>
public class PlanPageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_build_a_plan_on_the_pages_and_send_it_to_review(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var topicId = await w.Pool(w.Staff.Actor, p => p.CreateAsync(PlanWorld.Topic("关于河湖生态保护的协商")));
        using var s = await WebSession.LoginAsync(w.App, w.Staff.UserName);

        var created = await s.PostFormAsync("/Consultation/Plan", new() { ["Year"] = "2026", ["Title"] = "" });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detailUrl = created.Headers.Location!.OriginalString;
        var planId = Guid.Parse(detailUrl.Split('/').Last());

        var added = await s.PostFormAsync($"/Consultation/Plan/Item?planId={planId}", new()
        {
            ["PlanId"] = planId.ToString(),
            ["Input.TopicId"] = topicId.ToString(),
            ["Input.Title"] = "",
            ["Input.Format"] = "3",
            ["Input.ActivityType"] = "3",
            ["Input.Month"] = "5",
            ["Input.LeadLeader"] = "孙副主席",
            ["Input.Organizer"] = "人口资源环境委员会",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await s.PostFormAsync($"/Consultation/Plan/Item?planId={planId}", new()
        {
            ["PlanId"] = planId.ToString(),
            ["Input.Title"] = "无月份的事项",
            ["Input.Format"] = "4",
            ["Input.ActivityType"] = "8",
            ["Input.Month"] = "0",
            ["Input.LeadLeader"] = "",
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = await refused.Content.ReadAsStringAsync();
        form.ShouldContain("月份须在1至12之间。");
        form.ShouldContain("领办领导不能为空。");

        var detail = await s.GetPageAsync(detailUrl);
        detail.ShouldContain("关于河湖生态保护的协商");
        detail.ShouldContain("孙副主席");
        detail.ShouldContain("全体会议协商：格局要求1项，已安排0项（少1项）。");
        detail.ShouldContain("data-confirm=\"确定提交主席会议审议吗？");
        (await w.TopicAsync(topicId)).Status.ShouldBe(TopicStatus.Planned);

        var plan = await w.PlanAsync(planId);
        var submitted = await s.PostFormAsync($"{detailUrl}?handler=Submit", new() { ["version"] = plan.Version.ToString() }, detailUrl);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.PlanAsync(planId)).Status.ShouldBe(PlanStatus.ChairReview);
        var returned = await s.PostFormAsync($"{detailUrl}?handler=Return", new() { ["version"] = (await w.PlanAsync(planId)).Version.ToString(), ["Note"] = "" }, detailUrl);
        returned.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await returned.Content.ReadAsStringAsync()).ShouldContain("退回意见不能为空。");
        (await w.PlanAsync(planId)).Status.ShouldBe(PlanStatus.ChairReview);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_pool_page_lists_filters_exports_and_takes_public_suggestions_in(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        await w.Pool(w.Staff.Actor, p => p.CreateAsync(PlanWorld.Topic("关于优化营商环境的协商")));
        await w.Pool(w.Member.Actor, p => p.SuggestAsync(PlanWorld.Topic("关于青年人才引进的协商")));
        var suggestionId = await w.NewPublicSuggestionAsync("关于增设社区食堂的建议", 5);
        using var s = await WebSession.LoginAsync(w.App, w.Staff.UserName);

        var publicPage = await s.GetPageAsync("/Consultation/Plan/PublicTopics?year=2026");
        publicPage.ShouldContain("关于增设社区食堂的建议");
        var taken = await s.PostFormAsync($"/Consultation/Plan/PublicTopics?handler=Take&id={suggestionId}", new(), "/Consultation/Plan/PublicTopics?year=2026");
        taken.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await s.PostFormAsync($"/Consultation/Plan/PublicTopics?handler=Take&id={suggestionId}", new(), "/Consultation/Plan/PublicTopics?year=2026");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("该征题已纳入选题库，不能重复纳入。");

        var pool = await s.GetPageAsync("/Consultation/Plan/Topics?year=2026");
        pool.ShouldContain("关于优化营商环境的协商");
        pool.ShouldContain($"{w.MemberName}委员");
        pool.ShouldContain("关于增设社区食堂的建议");
        pool.ShouldContain("共 3 条");
        var onlyMembers = await s.GetPageAsync("/Consultation/Plan/Topics?year=2026&source=Member");
        onlyMembers.ShouldContain("关于青年人才引进的协商");
        onlyMembers.ShouldNotContain("关于优化营商环境的协商");

        var export = await s.GetAsync("/Consultation/Plan/Topics?year=2026&handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new XLWorkbook(await export.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet(1);
        (sheet.Cell(1, 2).GetString(), sheet.Cell(1, 4).GetString(), sheet.Cell(1, 6).GetString()).ShouldBe(("选题", "来源", "附议数"));
        sheet.LastRowUsed()!.RowNumber().ShouldBe(4);
        var rows = Enumerable.Range(2, 3).Select(r => (sheet.Cell(r, 2).GetString(), sheet.Cell(r, 4).GetString(), sheet.Cell(r, 6).GetString())).ToList();
        rows.ShouldContain(("关于增设社区食堂的建议", "公开征题", "5"));
        rows.ShouldContain(("关于青年人才引进的协商", "委员荐题", "0"));
        rows.ShouldContain(("关于优化营商环境的协商", "党政点题", "0"));

        using var member = await WebSession.LoginAsync(w.App, w.Member.UserName);
        (await member.GetAsync("/Consultation/Plan/Topics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await w.ReadAsync(d => d.TopicSuggestions.AsNoTracking().SingleAsync(x => x.Id == suggestionId))).Status.ShouldBe(TopicSuggestionStatus.TakenIntoPool);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Members_read_the_published_plan_its_calendar_and_its_excel(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var id = await w.PublishedPlanAsync(PlanWorld.FullShape);
        var draft = await w.AsStaff(h => h.CreateAsync(2027, null));
        using var s = await WebSession.LoginAsync(w.App, w.Member.UserName);

        var list = await s.GetPageAsync("/Consultation/Plan");
        list.ShouldContain($"/Consultation/Plan/Detail/{id}");
        list.ShouldNotContain(draft.ToString());
        (await s.GetAsync($"/Consultation/Plan/Detail/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var detail = await s.GetPageAsync($"/Consultation/Plan/Detail/{id}");
        detail.ShouldContain("已发布");
        detail.ShouldNotContain("提交主席会议审议</button>");
        detail.ShouldNotContain("创建活动");

        var calendar = await s.GetPageAsync($"/Consultation/Plan/Calendar/{id}");
        calendar.ShouldContain("以下月份没有安排协商：12月");
        calendar.ShouldContain("data-testid=\"month-12\"");
        calendar.Split("data-testid=\"month-empty\"").Length.ShouldBe(2);
        calendar.ShouldNotContain("以下季度没有全体会议");

        var excel = await s.GetAsync($"/Consultation/Plan/Detail/{id}?handler=Excel");
        excel.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new XLWorkbook(await excel.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet(1);
        sheet.Cell(1, 3).GetString().ShouldBe("协商题目");
        sheet.LastRowUsed()!.RowNumber().ShouldBe(12);
        (sheet.Cell(2, 2).GetString(), sheet.Cell(2, 3).GetString(), sheet.Cell(2, 5).GetString(), sheet.Cell(2, 6).GetString()).ShouldBe(("全体会议协商", "全体会议协商1月协商", "1月", "陈主席"));
        Enumerable.Range(2, 11).Count(r => sheet.Cell(r, 2).GetString() == "主席会议协商").ShouldBe(6);

        var word = await s.GetAsync($"/Consultation/Plan/Detail/{id}?handler=Word");
        word.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var zip = new System.IO.Compression.ZipArchive(await word.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        xml.ShouldContain("主席会议协商（6项）");
        xml.ShouldContain("全体会议协商1月协商");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_see_create_activity_links_on_a_published_plan_and_members_suggest_on_their_page(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var id = await w.PublishedPlanAsync((PlanFormat.Plenary, 1));
        var item = (await w.AsStaff(h => h.GetAsync(id))).Items.Single();
        using (var staff = await WebSession.LoginAsync(w.App, w.Staff.UserName))
        {
            (await staff.GetPageAsync($"/Consultation/Plan/Detail/{id}")).ShouldContain($"/Consultation/Activities/Edit?planItemId={item.Id}");
            (await staff.GetPageAsync("/Consultation/Settings")).ShouldContain("1+2+6+X");
            var bad = await staff.PostFormAsync("/Consultation/Settings", new()
            {
                ["Input.NoticeWorkingDays"] = "15",
                ["Input.MaterialsWorkingDays"] = "10",
                ["Input.MinutesWorkingDays"] = "7",
                ["Input.AnswerMonths"] = "3",
                ["Input.SignInCodeSeconds"] = "60",
                ["Input.MaxLeaveRequests"] = "2",
                ["Input.PlanPattern"] = "1+2",
                ["Input.Version"] = "0",
            });
            bad.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await bad.Content.ReadAsStringAsync()).ShouldContain("协商格局须为四段");
        }

        using var member = await WebSession.LoginAsync(w.App, w.Member.UserName);
        var posted = await member.PostFormAsync("/Consultation/Plan/Suggest", new()
        {
            ["Input.Year"] = "2026",
            ["Input.Title"] = "关于社区嵌入式托育的协商",
            ["Input.Description"] = "双职工家庭托育难。",
            ["Input.NeedNote"] = "",
            ["Input.WishNote"] = "家长期盼",
            ["Input.AbilityNote"] = "",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetPageAsync("/Consultation/Plan/Suggest")).ShouldContain("关于社区嵌入式托育的协商");
        var stored = await w.ReadAsync(d => d.ConsultationTopics.AsNoTracking().SingleAsync(t => t.CommitteeId == w.Committee.Id));
        (stored.Source, stored.ProposerMemberId, stored.WishNote).ShouldBe((TopicSource.Member, w.Member.Actor.MemberId, "家长期盼"));
        (await member.GetAsync("/Consultation/Settings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
