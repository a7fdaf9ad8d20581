using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Handling;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Handling;

public class UnitInboxTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory, ClassData(typeof(Databases))]
    public async Task The_inbox_lists_the_units_own_assignments_with_working_days_left_and_filters(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        // Today is Monday 2 March 2026. Assigned 2 December 2025: due 2 March → 今日到期 (soon due).
        var dueToday = await app.NewSingleAsync(w, AssignmentStatus.Accepted, new DateTimeOffset(2025, 12, 2, 10, 0, 0, Beijing));
        // Assigned 20 November 2025: due 20 February → overdue by 6 working days (23–27 Feb, 2 Mar).
        var overdue = await app.NewSingleAsync(w, AssignmentStatus.Accepted, new DateTimeOffset(2025, 11, 20, 10, 0, 0, Beijing));
        var fresh = await app.NewSingleAsync(w);
        var coFresh = await app.NewAssignedProposalAsync(w, AssignmentMode.LeadWithCo, [(w.Unit2, AssignmentRole.Lead), (w.Unit1, AssignmentRole.Co)]);
        var others = await app.NewAssignedProposalAsync(w, AssignmentMode.Single, [(w.Unit2, AssignmentRole.Single)]);

        async Task<PagedList<UnitAssignmentRow>> List(UnitInboxFilter f) =>
            await app.AsAsync(w.Unit1.Actor, sp => sp.GetRequiredService<UnitInboxHandler>().ListAsync(f, 1));

        var all = await List(new());
        all.Total.ShouldBe(4);
        all.Items.ShouldNotContain(r => r.ProposalId == others);
        all.Items[0].ProposalId.ShouldBe(overdue, "the most urgent first");
        all.Items.Single(r => r.ProposalId == overdue).WorkingDaysLeft.ShouldBe(-6);
        all.Items.Single(r => r.ProposalId == dueToday).WorkingDaysLeft.ShouldBe(0);
        all.Items.Single(r => r.ProposalId == fresh).WorkingDaysLeft.ShouldBeGreaterThan(50);
        (await List(new(Status: AssignmentStatus.Pending))).Items.Select(r => r.ProposalId).ShouldBe([fresh, coFresh], ignoreOrder: true);
        (await List(new(Role: AssignmentRole.Co))).Items.ShouldHaveSingleItem().ProposalId.ShouldBe(coFresh);
        (await List(new(Due: DueFilter.Overdue))).Items.ShouldHaveSingleItem().ProposalId.ShouldBe(overdue);
        (await List(new(Due: DueFilter.SoonDue))).Items.ShouldHaveSingleItem().ProposalId.ShouldBe(dueToday);
        (await List(new(SessionId: w.SessionId))).Total.ShouldBe(4);
        (await List(new(SessionId: Guid.NewGuid()))).Total.ShouldBe(0);

        // Once the reply is with staff the deadline no longer counts against the unit.
        await app.ContactAndSubmitAsync(w.Unit1, overdue);
        (await List(new(Due: DueFilter.Overdue))).Total.ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_home_page_todos_count_what_the_unit_has_to_do(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        await app.NewSingleAsync(w);
        await app.NewSingleAsync(w);
        await app.NewSingleAsync(w, AssignmentStatus.Accepted, new DateTimeOffset(2025, 11, 20, 10, 0, 0, Beijing));
        var rejected = await app.NewSingleAsync(w, AssignmentStatus.Accepted, new DateTimeOffset(2026, 2, 27, 10, 0, 0, Beijing));
        await app.ContactAndSubmitAsync(w.Unit1, rejected);
        await app.StaffRejectAsync(rejected, "请补充办理时间表。");

        var todos = await app.AsAsync(w.Unit1.Actor, sp => new UnitTodos(
            sp.GetRequiredService<Tongxin.Platform.Data.TongxinDbContext>(), sp.GetRequiredService<ProposalSettingsStore>(),
            sp.GetRequiredService<Tongxin.Platform.Calendar.WorkingDayCalendar>()).GetAsync(w.Unit1.Actor, default));

        todos.Single(t => t.Title == "待签收的提案").Count.ShouldBe(2);
        todos.Single(t => t.Title.StartsWith("仍可申请退回", StringComparison.Ordinal)).Count.ShouldBe(2, "the two new ones; the one assigned last Friday has replied already");
        todos.Single(t => t.Title == "被退回需重新办理的答复").Count.ShouldBe(1);
        todos.Single(t => t.Title == "已逾期的提案").Count.ShouldBe(1);
        var home = await app.AsAsync(w.Unit1.Actor, sp => Task.FromResult(sp.GetServices<ITodoSource>().OfType<UnitTodos>().Count()));
        home.ShouldBe(1);
        (await app.AsAsync(w.Member.Actor, sp => sp.GetServices<ITodoSource>().OfType<UnitTodos>().Single().GetAsync(w.Member.Actor, default))).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_export_is_an_excel_file_of_the_filtered_list(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        await app.NewSingleAsync(w);
        await app.NewAssignedProposalAsync(w, AssignmentMode.LeadWithCo, [(w.Unit2, AssignmentRole.Lead), (w.Unit1, AssignmentRole.Co)]);
        using var s = await WebSession.LoginAsync(app, w.Unit1.User.UserName);

        var response = await s.GetAsync("/Proposals/Unit?role=Co&handler=Export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet(1);
        sheet.Cell(1, 2).GetString().ShouldBe("案由");
        sheet.Cell(2, 6).GetString().ShouldBe("协办");
        sheet.Cell(3, 1).GetString().ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_pages_show_the_inbox_and_the_handling_page_and_a_form_logs_a_contact(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewSingleAsync(w);
        using var unit = await WebSession.LoginAsync(app, w.Unit1.User.UserName);

        (await unit.GetPageAsync("/Proposals/Unit")).ShouldContain($"/Proposals/Unit/Handle/{id}");
        var page = await unit.GetPageAsync($"/Proposals/Unit/Handle/{id}");
        page.ShouldContain("关于加快老旧小区加装电梯的建议");
        page.ShouldContain("签收");
        page.ShouldContain("2026年3月9日", Case.Sensitive, "the 申退 window: five working days after Monday 2 March");

        (await unit.PostFormAsync($"/Proposals/Unit/Handle/{id}?handler=Accept", new(), $"/Proposals/Unit/Handle/{id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var contact = await unit.PostFormAsync($"/Proposals/Unit/Handle/{id}?handler=Contact", new()
        {
            ["Contact.Method"] = ((int)ContactMethod.FaceToFace).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Contact.Date"] = "2026-03-02",
            ["Contact.Notes"] = "到提案人单位当面沟通。",
        }, $"/Proposals/Unit/Handle/{id}");
        contact.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ReadAsync(d => d.ProposalContacts.SingleAsync(c => c.ProposalId == id))).Notes.ShouldBe("到提案人单位当面沟通。");

        var refused = await unit.PostFormAsync($"/Proposals/Unit/Handle/{id}?handler=SubmitReply", new() { ["Reply.Text"] = "答复" }, $"/Proposals/Unit/Handle/{id}");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("签发人不能为空。");
        html.ShouldContain("提交答复前至少填写一项办理事项。");

        using var other = await WebSession.LoginAsync(app, w.Unit3.User.UserName);
        (await other.GetAsync($"/Proposals/Unit/Handle/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var member = await WebSession.LoginAsync(app, w.Member.UserName);
        (await member.GetAsync("/Proposals/Unit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_does_every_use_case_with_chinese_problems(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewSingleAsync(w);
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/v1/unit/proposals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var unit = await ClientAsync(app, w.Unit1.User.UserName);
        using var other = await ClientAsync(app, w.Unit3.User.UserName);
        using var member = await ClientAsync(app, w.Member.UserName);

        (await member.GetAsync("/api/v1/unit/proposals")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var notMine = await other.PostAsync($"/api/v1/unit/proposals/{id}/accept", null);
        notMine.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await notMine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("交办记录不存在或您无权查看。");

        var list = await unit.GetFromJsonAsync<JsonElement>("/api/v1/unit/proposals?status=Pending");
        list.GetProperty("total").GetInt32().ShouldBe(1);
        (await unit.PostAsync($"/api/v1/unit/proposals/{id}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await unit.PostAsJsonAsync($"/api/v1/unit/proposals/{id}/contacts", new { method = "Phone", date = "2026-03-02", notes = "电话沟通。" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reply = new { text = "答复正文", signer = "李局长", replyClass = "B", items = new[] { new { commitment = "年内完成改造", responsibleUnit = "市住建局", plannedDate = "2026-12-31", status = "InProgress" } } };
        (await unit.PutAsJsonAsync($"/api/v1/unit/proposals/{id}/reply", reply)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var bad = await unit.PostAsJsonAsync($"/api/v1/unit/proposals/{id}/reply/submit", reply with { replyClass = "Z" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("答复类别应为：A、B、C。");
        (await unit.PostAsJsonAsync($"/api/v1/unit/proposals/{id}/reply/submit", reply)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.StaffApproveAsync(id);
        var detail = await unit.GetFromJsonAsync<JsonElement>($"/api/v1/unit/proposals/{id}");
        detail.GetProperty("replyClasses")[1].GetProperty("code").GetString().ShouldBe("B");
        var itemId = detail.GetProperty("currentReply").GetProperty("items")[0].GetProperty("id").GetGuid();
        (await unit.PutAsJsonAsync($"/api/v1/unit/proposals/{id}/items/{itemId}/status", new { status = "Done" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.ReadAsync(d => d.ProposalReplyItems.SingleAsync(i => i.Id == itemId))).Status.ShouldBe(ItemStatus.Done);

        var late = await app.NewSingleAsync(w, AssignmentStatus.Accepted, new DateTimeOffset(2026, 1, 5, 10, 0, 0, Beijing));
        var refused = await unit.PostAsJsonAsync($"/api/v1/unit/proposals/{late}/return-request", new { reason = "不属于本单位职责。" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("已超过期限");
        var co = await app.NewAssignedProposalAsync(w, AssignmentMode.LeadWithCo, [(w.Unit2, AssignmentRole.Lead), (w.Unit1, AssignmentRole.Co)], status: AssignmentStatus.Accepted);
        (await unit.PostAsJsonAsync($"/api/v1/unit/proposals/{co}/co-opinion", new { text = "同意。" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await unit.GetAsync("/api/v1/unit/proposals/export")).Content.Headers.ContentType!.MediaType.ShouldBe(UnitInboxHandler.ContentType);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_handling_page_shows_co_opinions_to_the_lead_and_lets_it_update_items_after_approval(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewAssignedProposalAsync(w, AssignmentMode.LeadWithCo, [(w.Unit1, AssignmentRole.Lead), (w.Unit2, AssignmentRole.Co)], status: AssignmentStatus.Accepted);
        using var co = await WebSession.LoginAsync(app, w.Unit2.User.UserName);
        (await co.GetPageAsync($"/Proposals/Unit/Handle/{id}")).ShouldContain("协办意见期限");
        (await co.PostFormAsync($"/Proposals/Unit/Handle/{id}?handler=CoOpinion", new() { ["Opinion.Text"] = "交通局配合做好交通组织。" }, $"/Proposals/Unit/Handle/{id}"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var lead = await WebSession.LoginAsync(app, w.Unit1.User.UserName);
        (await lead.GetPageAsync($"/Proposals/Unit/Handle/{id}")).ShouldContain("交通局配合做好交通组织。");

        await app.ContactAndSubmitAsync(w.Unit1, id);
        await app.StaffApproveAsync(id);
        var page = await lead.GetPageAsync($"/Proposals/Unit/Handle/{id}");
        page.ShouldContain("已通过");
        page.ShouldContain("handler=Item");
        var itemId = await app.ReadAsync(d => d.ProposalReplyItems.Where(i => i.ProposalId == id).OrderBy(i => i.Order).Select(i => i.Id).FirstAsync());
        (await lead.PostFormAsync($"/Proposals/Unit/Handle/{id}?handler=Item&itemId={itemId}", new() { ["status"] = nameof(ItemStatus.Done) }, $"/Proposals/Unit/Handle/{id}"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ReadAsync(d => d.ProposalReplyItems.SingleAsync(i => i.Id == itemId))).Status.ShouldBe(ItemStatus.Done);
    }

    private static async Task<HttpClient> ClientAsync(TestApp app, string userName)
    {
        var client = app.CreateClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = TestData.Password });
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }
}
