using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Opinions.Reports;

/// <summary>The report pages and API over HTTP: write and submit, detail per reader, 核稿 with the
/// diff, sign-off and the settings.</summary>
public class ReportPageTests
{
    private static Dictionary<string, string> Form(string title = "关于规范共享单车停放的建议", string suggestion = "划定停放区并纳入考核。") => new()
    {
        ["Input.Title"] = title,
        ["Input.Situation"] = "主城区共享单车乱停放现象突出。",
        ["Input.Analysis"] = "停放点位不足，企业调度不及时。",
        ["Input.Suggestion"] = suggestion,
        ["Input.Category"] = "城乡建设",
        ["Input.Source"] = "群众反映",
        ["Input.IsUrgent"] = "true",
        ["Input.ContactName"] = "周信息",
        ["Input.ContactPhone"] = "13812345678",
        ["Input.Kind"] = nameof(OpinionSubmitterKind.Member),
        ["Input.Version"] = "0",
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_writes_and_submits_on_the_page_and_each_reader_sees_the_detail_as_allowed(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        using var member = await WebSession.LoginAsync(w.App, w.Lead.UserName);

        var blank = await member.GetPageAsync("/Opinions/Edit");
        blank.ShouldContain("撰写社情民意");
        blank.ShouldContain("id=\"char-count\" data-max=\"1500\"");
        blank.ShouldContain("value=\"13900001111\"");
        blank.ShouldContain("吴联名");

        var tooLong = Form(suggestion: new string('议', 1500));
        var refused = await member.PostFormAsync("/Opinions/Edit?handler=Submit", tooLong, "/Opinions/Edit");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("标题和正文合计不能超过1500字");

        var submitted = await member.PostFormAsync("/Opinions/Edit?handler=Submit", Form(), "/Opinions/Edit");
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        var location = submitted.Headers.Location!.OriginalString;
        location.ShouldStartWith("/Opinions/Detail/");
        var id = Guid.Parse(location.Split('/').Last());
        var stored = await w.StoredAsync(id);
        stored.ShouldSatisfyAllConditions(r => r.Status.ShouldBe(OpinionStatus.Submitted), r => r.IsUrgent.ShouldBeTrue(), r => r.SerialNo.ShouldBe(1));

        var own = await member.GetPageAsync(location);
        own.ShouldContain("关于规范共享单车停放的建议");
        own.ShouldContain("2026-0001");
        own.ShouldContain("138****5678");
        own.ShouldNotContain("13812345678");
        own.ShouldContain("data-testid=\"report-bulletins\"");
        own.ShouldContain("data-testid=\"report-outcomes\"");
        own.ShouldContain("data-testid=\"report-handling\"");
        own.ShouldContain("handler=Withdraw");
        own.ShouldNotContain("/Opinions/Screening/Review/");
        (await member.GetPageAsync("/Opinions/My")).ShouldContain($"/Opinions/Detail/{id}");

        using var staff = await WebSession.LoginAsync(w.App, w.Staff.UserName);
        var staffPage = await staff.GetPageAsync(location);
        staffPage.ShouldContain("13812345678");
        staffPage.ShouldContain($"href=\"/Opinions/Screening/Review/{id}\"");

        using var other = await WebSession.LoginAsync(w.App, w.OtherMember.UserName);
        (await other.GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var county = await WebSession.LoginAsync(w.App, w.CountyStaff.UserName);
        (await county.GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_edit_the_text_see_the_escaped_diff_and_sign_off_on_the_pages(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.InStatusAsync(OpinionStatus.Adopted);
        using var staff = await WebSession.LoginAsync(w.App, w.Staff.UserName);
        var r = await w.StoredAsync(id);

        var saved = await staff.PostFormAsync($"/Opinions/Text/{id}", new()
        {
            ["Input.Title"] = r.Title,
            ["Input.Situation"] = r.Situation,
            ["Input.Analysis"] = r.Analysis,
            ["Input.Suggestion"] = r.Suggestion + "<script>alert(1)</script>",
            ["Input.Note"] = "补充示例",
            ["Input.Version"] = r.Version.ToString(),
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var page = await staff.GetPageAsync($"/Opinions/Text/{id}");
        page.ShouldContain("第2稿与作者原稿（第1稿）对照");
        page.ShouldContain("<ins class=\"diff-ins\">&lt;script&gt;alert(1)&lt;/script&gt;</ins>");
        page.ShouldNotContain("<script>alert(1)");
        page.ShouldContain("补充示例");

        var stale = await staff.PostFormAsync($"/Opinions/Text/{id}", new()
        {
            ["Input.Title"] = r.Title,
            ["Input.Situation"] = r.Situation,
            ["Input.Analysis"] = r.Analysis,
            ["Input.Suggestion"] = "过时的修改。",
            ["Input.Version"] = r.Version.ToString(),
        });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("该信息刚刚已被他人处理");

        using var noSignOff = await WebSession.LoginAsync(w.App, w.StaffWithoutSignOff.UserName);
        (await noSignOff.GetPageAsync($"/Opinions/Detail/{id}")).ShouldNotContain("handler=SignOff");
        (await noSignOff.PostFormAsync($"/Opinions/Detail/{id}?handler=SignOff", [], $"/Opinions/Detail/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var signed = await staff.PostFormAsync($"/Opinions/Detail/{id}?handler=SignOff", [], $"/Opinions/Detail/{id}");
        signed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.StoredAsync(id)).Status.ShouldBe(OpinionStatus.SignedOff);

        using var author = await WebSession.LoginAsync(w.App, w.Lead.UserName);
        var authorPage = await author.GetPageAsync($"/Opinions/Detail/{id}");
        authorPage.ShouldNotContain("alert(1)");
        authorPage.ShouldContain("已签发");
        (await author.GetAsync($"/Opinions/Text/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_settings_page_validates_and_refuses_a_save_from_a_stale_form(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        using var staff = await WebSession.LoginAsync(w.App, w.Staff.UserName);
        var fields = new Dictionary<string, string>
        {
            ["Input.MaxChars"] = "1200",
            ["Input.Categories"] = "经济发展\r\n社会民生\r\n",
            ["Input.BulletinTypes"] = "快报\n专报",
            ["Input.RejectReasons"] = "重复",
            ["Input.DefaultMainRecipients"] = "市委、市政府主要领导",
            ["Input.DefaultCopyRecipients"] = "",
            ["Input.PointsOwnLevel"] = "2",
            ["Input.PointsCity"] = "5",
            ["Input.PointsProvince"] = "10",
            ["Input.PointsNational"] = "20",
            ["Input.PointsPartyGovernment"] = "20",
            ["Input.PointsInstructionCounty"] = "5",
            ["Input.PointsInstructionCity"] = "10",
            ["Input.PointsInstructionProvince"] = "20",
            ["Input.PointsInstructionCentral"] = "30",
            ["Input.JointPercent"] = "50",
            ["Input.CombinedPercent"] = "50",
            ["Input.Version"] = "0",
        };
        (await staff.PostFormAsync("/Opinions/Settings", new(fields))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<OpinionSettingsStore>().GetAsync(w.City.Id));
        stored.ShouldSatisfyAllConditions(
            s => s.MaxChars.ShouldBe(1200),
            s => s.CategoryList.ShouldBe(["经济发展", "社会民生"]),
            s => s.PointsOwnLevel.ShouldBe(2));

        var stale = await staff.PostFormAsync("/Opinions/Settings", new(fields) { ["Input.MaxChars"] = "900" });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync()).ShouldContain(OpinionSettingsHandler.ConcurrentMessage);

        var invalid = await staff.PostFormAsync("/Opinions/Settings", new(fields) { ["Input.MaxChars"] = "10", ["Input.JointPercent"] = "150", ["Input.Version"] = stored.Version.ToString() });
        var body = await invalid.Content.ReadAsStringAsync();
        body.ShouldContain("字数上限须在300至5000字之间。");
        body.ShouldContain("联名计分比例须在0至100之间。");
        (await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<OpinionSettingsStore>().GetAsync(w.City.Id))).MaxChars.ShouldBe(1200);

        using var member = await WebSession.LoginAsync(w.App, w.Lead.UserName);
        (await member.GetAsync("/Opinions/Settings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_creates_submits_lists_and_shows_a_report_with_the_same_rules(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        using var member = await WebSession.LoginAsync(w.App, w.Lead.UserName);

        var bad = ReportsWorld.Input();
        bad.ContactPhone = "12";
        var refused = await member.Client.PostAsJsonAsync("/api/v1/opinions", bad);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.EnumerateObject().Single(e => e.Name.Equals(nameof(ReportInput.ContactPhone), StringComparison.OrdinalIgnoreCase))
            .Value[0].GetString().ShouldStartWith("请填写有效的联系电话");

        var created = await member.Client.PostAsJsonAsync("/api/v1/opinions", ReportsWorld.Input());
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var saved = (await created.Content.ReadFromJsonAsync<ReportSaved>())!;
        var submit = await member.Client.PostAsJsonAsync($"/api/v1/opinions/{saved.Id}/submit", new { version = saved.Version });
        submit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await submit.Content.ReadAsStringAsync()).ShouldContain("\"serialNo\":1");

        var mine = await member.Client.GetStringAsync("/api/v1/opinions/my");
        mine.ShouldContain(saved.Id.ToString());
        var detail = await member.Client.GetStringAsync($"/api/v1/opinions/{saved.Id}");
        detail.ShouldContain("138****5678");

        using var other = await WebSession.LoginAsync(w.App, w.OtherMember.UserName);
        (await other.Client.GetAsync($"/api/v1/opinions/{saved.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Client.PostAsJsonAsync($"/api/v1/opinions/{saved.Id}/withdraw", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
