using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Supervision;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Problems;

/// <summary>The pages (list, record, problem page, unit inbox, to-dos, export) and the JSON API.</summary>
public class ProblemPagesAndApiTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_supervisor_records_through_the_form_and_staff_assign_on_the_problem_page(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);
        using var member = await WebSession.LoginAsync(app, w.Supervisor.UserName);

        var refused = await member.PostFormAsync("/Supervision/Problems/Record", new() { ["Input.GroupId"] = w.GroupId.ToString(), ["Input.Title"] = "" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("问题标题不能为空。");

        var posted = await member.PostFormAsync("/Supervision/Problems/Record", new()
        {
            ["Input.GroupId"] = w.GroupId.ToString(),
            ["Input.TopicId"] = w.TopicId.ToString(),
            ["Input.Title"] = "窗口办事排长队",
            ["Input.Description"] = "政务服务中心不动产窗口上午排队超过两小时。",
            ["Input.Location"] = "市民中心二楼",
            ["Input.Department"] = "市自然资源和规划局",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detailUrl = posted.Headers.Location!.OriginalString;
        var id = Guid.Parse(detailUrl.Split('/').Last());
        (await member.GetPageAsync(detailUrl)).ShouldContain("监督〔2026〕1号");
        (await member.GetPageAsync("/Supervision/Problems")).ShouldContain("窗口办事排长队");

        using var staff = await WebSession.LoginAsync(app, w.Staff.UserName);
        var page = await staff.GetPageAsync(detailUrl);
        page.ShouldContain("市市场监督管理局");
        var version = (await w.ProblemAsync(id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var assigned = await staff.PostFormAsync($"{detailUrl}?handler=Assign", new() { ["Version"] = version, ["UnitId"] = w.Unit1Id.ToString(), ["Note"] = "请于期限内答复" }, detailUrl);
        assigned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await staff.PostFormAsync($"{detailUrl}?handler=Dismiss", new() { ["Version"] = version, ["Note"] = "重复" }, detailUrl);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("该问题已被他人处理，请刷新后重试。");

        // The unit's inbox and to-do.
        using var unit = await WebSession.LoginAsync(app, w.Unit1.UserName);
        (await unit.GetPageAsync("/Supervision/Problems/Unit")).ShouldContain("窗口办事排长队");
        (await unit.GetPageAsync("/")).ShouldContain("待答复的监督问题");
        var unitPage = await unit.GetPageAsync(detailUrl);
        unitPage.ShouldContain("提交答复");
        var replied = await unit.PostFormAsync($"{detailUrl}?handler=Reply", new()
        {
            ["Version"] = (await w.ProblemAsync(id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReplyText"] = "已增开两个窗口并推行预约办理。",
            ["Rectification"] = "Rectified",
        }, detailUrl);
        replied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.ProblemAsync(id)).Status.ShouldBe(ProblemStatus.Replied);

        // Closing before the return visit is refused in Chinese.
        var close = await staff.PostFormAsync($"{detailUrl}?handler=Close", new() { ["Version"] = (await w.ProblemAsync(id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, detailUrl);
        (await close.Content.ReadAsStringAsync()).ShouldContain("尚未记录回访，请先回访当事人后再销号。");

        (await unit.GetAsync("/Supervision/Problems/Record")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var outsider = await WebSession.LoginAsync(app, w.Outsider.UserName);
        (await outsider.GetAsync(detailUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_export_the_filtered_list_to_Excel_with_the_overdue_flag(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);
        await w.RecordAsync("问题甲");
        var assigned = await w.RecordAsync("问题乙");
        await w.AssignAsync(assigned);
        using var staff = await WebSession.LoginAsync(app, w.Staff.UserName);

        (await staff.GetPageAsync("/")).ShouldContain("待交办的监督问题");
        var response = await staff.GetAsync("/Supervision/Problems?Filter.Status=Assigned&handler=Export");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet(1);
        sheet.Cell(1, 1).GetString().ShouldBe("编号");
        sheet.Cell(2, 2).GetString().ShouldBe("问题乙");
        sheet.Cell(2, 8).GetString().ShouldBe("办理中");
        sheet.Cell(3, 1).GetString().ShouldBeEmpty();

        using var member = await WebSession.LoginAsync(app, w.Supervisor.UserName);
        (await member.GetAsync("/Supervision/Problems?handler=Export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_API_records_lists_shows_and_takes_the_unit_reply_with_a_bearer_token(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);
        using var member = await ClientAsync(app, w.Supervisor);

        var created = await member.PostAsJsonAsync("/api/v1/supervision/problems", new
        {
            title = "企业开办跑多次",
            description = "营业执照与刻章需要分别跑两个地方。",
            location = "市民中心",
            department = "市市场监督管理局",
            groupId = w.GroupId,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var invalid = await member.PostAsJsonAsync("/api/v1/supervision/problems", new { title = "", groupId = w.GroupId });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var list = await member.GetFromJsonAsync<JsonElement>("/api/v1/supervision/problems");
        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("title").GetString().ShouldBe("企业开办跑多次");

        await w.AssignAsync(id, unitId: w.Unit2Id);
        using var unit = await ClientAsync(app, w.Unit2);
        var detail = await unit.GetFromJsonAsync<JsonElement>($"/api/v1/supervision/problems/{id}");
        detail.GetProperty("displayNumber").GetString().ShouldBe("监督〔2026〕1号");
        var version = detail.GetProperty("version").GetInt32();
        var reply = await unit.PostAsJsonAsync($"/api/v1/supervision/problems/{id}/reply", new { version, text = "已实行一窗通办。", rectification = "Rectified" });
        reply.StatusCode.ShouldBe(HttpStatusCode.NoContent, await reply.Content.ReadAsStringAsync());
        (await w.ProblemAsync(id)).Reply.ShouldBe("已实行一窗通办。");

        using var otherUnit = await ClientAsync(app, w.Unit1);
        (await otherUnit.GetAsync($"/api/v1/supervision/problems/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/v1/supervision/problems")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<HttpClient> ClientAsync(TestApp app, TestData.TestUser user)
    {
        var client = app.CreateClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user.UserName, password = TestData.Password });
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return client;
    }
}
