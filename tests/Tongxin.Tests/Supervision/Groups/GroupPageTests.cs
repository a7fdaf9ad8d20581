using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Groups;

/// <summary>The topic and group pages over HTTP: staff create a group on the form (Chinese errors), find
/// and add a member, create a supervision activity that opens on the engine's page with its staff
/// actions, export the list; the member sees 我的监督小组 and the group page without the staff actions.</summary>
public class GroupPageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_build_a_group_on_the_pages_and_its_activity_opens_on_the_engine_for_them(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var topic = await w.TopicAsync(w.Staff, "页面专项");
        using var staff = await WebSession.LoginAsync(w.App, w.Staff.UserName);

        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.TopicId"] = topic.ToString(),
            ["Input.HandlingUnitId"] = "",
            ["Input.Department"] = "",
            ["Input.TermStart"] = "2026-01-01",
            ["Input.TermEnd"] = "2026-12-31",
            ["Input.IsActive"] = "true",
            ["Input.Version"] = "0",
        };
        var refused = await staff.PostFormAsync("/Supervision/Groups/Edit", form);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await refused.Content.ReadAsStringAsync();
        errors.ShouldContain("小组名称不能为空。");
        errors.ShouldContain("请选择对口部门或填写部门名称。");

        form["Input.Name"] = "页面小组";
        form["Input.HandlingUnitId"] = w.UnitId.ToString();
        var created = await staff.PostFormAsync("/Supervision/Groups/Edit", form);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var groupUrl = created.Headers.Location!.OriginalString;
        var groupId = Guid.Parse(groupUrl.Split('/').Last());

        var search = await staff.GetPageAsync($"{groupUrl}?Q=赵");
        search.ShouldContain("data-candidate=\"赵监督\"");
        var added = await staff.PostFormAsync($"{groupUrl}?handler=Add", new() { ["memberId"] = w.MemberId.ToString(), ["role"] = "Leader" }, groupUrl);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await staff.GetPageAsync(groupUrl);
        page.ShouldContain("data-member=\"赵监督\"");
        page.ShouldContain($"/Supervision/Problems?groupId={groupId}");
        page.ShouldContain($"/Supervision/Letters?groupId={groupId}");

        var activity = await staff.PostFormAsync($"/Supervision/Groups/Activity/{groupId}", new()
        {
            ["Input.Kind"] = "Research",
            ["Input.Title"] = "调研小微企业融资",
            ["Input.Content"] = "走访三家企业。",
            ["Input.Venue"] = "高新区",
            ["Input.StartsAt"] = "2026-03-12T09:00",
            ["Input.EndsAt"] = "2026-03-12T12:00",
            ["Input.HalfDays"] = "1",
        });
        activity.StatusCode.ShouldBe(HttpStatusCode.Redirect, await activity.Content.ReadAsStringAsync());
        var activityUrl = activity.Headers.Location!.OriginalString;
        activityUrl.ShouldStartWith("/Consultation/Activities/Detail/");
        var engine = await staff.GetPageAsync(activityUrl);
        engine.ShouldContain("调研小微企业融资");
        engine.ShouldContain("id=\"staff-actions\"");
        engine.ShouldContain("data-member=\"赵监督\"");
        (await staff.GetPageAsync(groupUrl)).ShouldContain("调研小微企业融资");

        var topicPage = await staff.GetPageAsync($"/Supervision/Topics/Detail/{topic}");
        topicPage.ShouldContain("页面小组");
        topicPage.ShouldContain("id=\"rollup-total\"");

        var export = await staff.GetAsync("/Supervision/Groups?handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new XLWorkbook(await export.Content.ReadAsStreamAsync());
        var rows = book.Worksheet("民主监督员小组").RowsUsed().Select(r => string.Join("|", r.Cells(1, 8).Select(c => c.GetString()))).ToList();
        rows.ShouldBe(["小组名称|对口部门|专项监督|任期开始|任期结束|状态|成员数|活动数", "页面小组|测试市场监管局|2026年 页面专项|2026-01-01|2026-12-31|在岗|1|1"]);
        (await w.QueryAsync(d => d.AuditEntries.CountAsync(a => a.Action == "导出民主监督员小组" && a.TargetId == w.City.Id.ToString()))).ShouldBe(1);

        using var member = await WebSession.LoginAsync(w.App, w.Member.UserName);
        var mine = await member.GetPageAsync("/Supervision/Groups/My");
        mine.ShouldContain("data-group=\"页面小组\"");
        mine.ShouldContain("组长");
        var memberView = await member.GetPageAsync(groupUrl);
        memberView.ShouldContain("data-member=\"赵监督\"");
        memberView.ShouldNotContain("新建监督活动");
        (await member.GetAsync("/Supervision/Groups")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var other = await WebSession.LoginAsync(w.App, w.OtherMember.UserName);
        (await other.GetAsync(groupUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_county_joins_the_citys_topic_on_the_topic_page(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var topic = await w.TopicAsync(w.Staff, "联动专项", open: true);
        using var county = await WebSession.LoginAsync(w.App, w.CountyStaff.UserName);
        var list = await county.GetPageAsync("/Supervision/Topics");
        list.ShouldContain("联动专项");
        list.ShouldContain(w.City.Name);
        var joined = await county.PostFormAsync("/Supervision/Topics?handler=Join", new() { ["upperTopicId"] = topic.ToString() }, "/Supervision/Topics");
        joined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        joined.Headers.Location!.OriginalString.ShouldStartWith("/Supervision/Topics/Edit/");
        (await county.GetPageAsync("/Supervision/Topics")).ShouldContain("已加入，查看本级");

        using var city = await WebSession.LoginAsync(w.App, w.Staff.UserName);
        var detail = await city.GetPageAsync($"/Supervision/Topics/Detail/{topic}");
        detail.ShouldContain($"data-committee=\"{w.County.Name}\"");
    }
}
