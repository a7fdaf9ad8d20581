using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Data;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Studios;

/// <summary>The public studio page: anyone reads it and leaves a message that reaches the hosts.</summary>
public class StudioPublicTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Public_leaves_a_message_the_hosts_are_told_and_the_reply_shows_on_the_page_without_personal_data(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        using var phone = new WebSession(w.App);
        var page = await phone.GetPageAsync($"/Public/Studios/{w.Token}");
        page.ShouldContain("张主持委员工作室");
        page.ShouldContain("委员：张主持、王主持");
        page.ShouldNotContain("赵委员");

        var (response, body, _) = await w.SubmitAsync(phone, StudioPublicForm.Message(name: "李群众", phone: "138 1234 5678"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var code = StudioPublicForm.ReceiptCodeIn(body);
        var m = (await w.MessagesAsync()).ShouldHaveSingleItem();
        (m.ReceiptCode, m.Channel, m.Status, m.Phone, m.SubmitterName, m.CommitteeId).ShouldBe((code, PublicChannel.Studio, PublicSubmissionStatus.Received, "13812345678", "李群众", w.Committee.Id));

        await w.DispatchEventsAsync();
        var inbox = await w.As(w.Host2, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1));
        inbox.Items.ShouldContain(n => n.Title == "工作室新来信" && n.Link == $"/PublicChannels/Studios/Messages/Detail/{m.Id}");

        await w.As(w.Host, sp => sp.GetRequiredService<StudioMessages>().ReplyAsync(m.Id, "已请街道于本周修复路灯。", m.Version));
        page = await phone.GetPageAsync($"/Public/Studios/{w.Token}");
        page.ShouldContain("已请街道于本周修复路灯。");
        page.ShouldContain("小区门口路灯不亮");
        page.ShouldNotContain("李群众");
        page.ShouldNotContain("5678");
        page.ShouldNotContain(code);

        var receipt = await phone.GetPageAsync($"/q/receipt?code={code}");
        receipt.ShouldContain("已请街道于本周修复路灯。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_message_with_a_sensitive_word_waits_for_moderation_and_the_hosts_are_not_told(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        await w.App.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            data.SensitiveWords.Add(new SensitiveWord { CommitteeId = w.Committee.Id, Word = "代开发票" });
            await data.SaveChangesAsync();
        });
        using var phone = new WebSession(w.App);

        var (response, body, _) = await w.SubmitAsync(phone, StudioPublicForm.Message(content: "专业代 开 发 票，联系我"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldContain("来信需经审核后转给委员");
        var m = (await w.MessagesAsync()).ShouldHaveSingleItem();
        (m.Status, m.MatchedWords).ShouldBe((PublicSubmissionStatus.PendingModeration, "代开发票"));
        await w.DispatchEventsAsync();
        (await w.As(w.Host, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1))).Items.ShouldNotContain(n => n.Title == "工作室新来信");
        (await w.As(w.Host, sp => sp.GetRequiredService<StudioMessages>().ListAsync(new StudioMessageFilter(), 1))).Total.ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_replayed_form_gets_the_first_receipt_and_a_closed_studio_takes_no_message(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        using var phone = new WebSession(w.App);
        var (first, firstBody, stamp) = await w.SubmitAsync(phone, StudioPublicForm.Message());
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (again, againBody, _) = await w.SubmitAsync(phone, StudioPublicForm.Message(title: "另一个标题"), stamp);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        againBody.ShouldContain("您的来信已经提交过，无需重复提交。");
        StudioPublicForm.ReceiptCodeIn(againBody).ShouldBe(StudioPublicForm.ReceiptCodeIn(firstBody));
        (await w.MessagesAsync()).Count.ShouldBe(1);

        var held = await w.StampAsync(phone);
        await w.App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().MemberStudios
            .Where(s => s.Id == w.StudioId).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsActive, false)));
        var page = await phone.GetPageAsync($"/Public/Studios/{w.Token}");
        page.ShouldContain("该工作室暂停接收来信。");
        page.ShouldNotContain("给委员写信");
        // A form opened before the studio closed is refused, not stored (the anti-forgery token comes from any public form).
        var fields = StudioPublicForm.Message();
        fields[PublicFormStamps.StampField] = held;
        var response = await phone.PostFormAsync($"/Public/Studios/{w.Token}", fields, $"/Public/Studios/{StudioDemoSeeder.DemoToken}");
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("该委员工作室暂停接收来信。");
        (await w.MessagesAsync()).Count.ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Unknown_tokens_are_404_and_the_index_lists_open_studios_for_anyone(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        using var phone = new WebSession(w.App);
        foreach (var token in new[] { "nosuchstudio", new string('x', 300), "%3Cscript%3E" })
        {
            (await phone.GetAsync($"/Public/Studios/{token}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, token);
        }

        var index = await phone.GetPageAsync($"/Public/Studios?committeeId={w.Committee.Id}");
        index.ShouldContain($"/Public/Studios/{w.Token}");
        index.ShouldContain("张主持委员工作室");
        index.ShouldContain("共 1 条");
        (await phone.GetPageAsync("/Public/Studios")).ShouldContain("线上委员工作室");
    }

    public static TheoryData<string, Dictionary<string, string>, string> BadPosts() => new()
    {
        { "no fields", new(), "标题不能为空" },
        { "blank title", new() { ["Input.Title"] = "\u0001\u0007 \t", ["Input.Content"] = "内容" }, "标题不能为空" },
        { "no content", new() { ["Input.Title"] = "标题" }, "内容不能为空" },
        { "title too long", new() { ["Input.Title"] = new string('长', 101), ["Input.Content"] = "内容" }, "标题不能超过100个字" },
        { "emoji flood", new() { ["Input.Title"] = "标题", ["Input.Content"] = string.Concat(Enumerable.Repeat("🙂", 2001)) }, "内容不能超过2000个字" },
        { "huge content", new() { ["Input.Title"] = "标题", ["Input.Content"] = new string('x', 300_000) }, "内容不能超过2000个字" },
        { "name too long", new() { ["Input.Title"] = "标题", ["Input.Content"] = "内容", ["Input.Name"] = new string('名', 51) }, "姓名不能超过50个字" },
        { "script phone", new() { ["Input.Title"] = "标题", ["Input.Content"] = "内容", ["Input.Phone"] = "<script>alert(1)</script>" }, "请填写正确的手机号码" },
        { "twelve digits", new() { ["Input.Title"] = "标题", ["Input.Content"] = "内容", ["Input.Phone"] = "138123456789" }, "请填写正确的手机号码" },
        { "honeypot", new() { ["Input.Title"] = "标题", ["Input.Content"] = "内容", [PublicFormStamps.HoneypotField] = "x" }, PublicFormStamps.Refused },
        { "forged stamp", new() { ["Input.Title"] = "标题", ["Input.Content"] = "内容", [PublicFormStamps.StampField] = "forged" }, PublicFormStamps.Refused },
    };

    [Theory, MemberData(nameof(BadPosts))]
    public Task Bad_posts_are_refused_in_chinese_and_store_nothing_on_sqlite(string _, Dictionary<string, string> fields, string message) =>
        RefusedAsync(Db.Sqlite, fields, message);

    [Theory, MemberData(nameof(BadPosts))]
    public Task Bad_posts_are_refused_in_chinese_and_store_nothing_on_postgresql(string _, Dictionary<string, string> fields, string message) =>
        RefusedAsync(Db.PostgreSql, fields, message);

    [Theory, ClassData(typeof(Databases))]
    public async Task A_stamp_from_another_studios_page_is_refused(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewStudioWorldAsync();
        var other = await app.NewStudioWorldAsync();
        using var phone = new WebSession(app);
        var (_, _, stamp) = await other.SubmitAsync(phone, StudioPublicForm.Message(title: ""));
        var (response, body, _) = await w.SubmitAsync(phone, StudioPublicForm.Message(), stamp);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain(PublicFormStamps.Refused);
        (await w.MessagesAsync()).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Scripts_and_control_characters_are_stored_as_plain_text_and_shown_escaped_to_the_host(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        using var phone = new WebSession(w.App);
        var (response, body, _) = await w.SubmitAsync(phone, StudioPublicForm.Message(title: "<script>alert(1)</script>\u202E😀", content: "第一行\u0007\r\n<b>第二行</b>"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var m = (await w.MessagesAsync()).ShouldHaveSingleItem();
        (m.Title, m.Content).ShouldBe(("<script>alert(1)</script>😀", "第一行\n<b>第二行</b>"));

        using var host = await WebSession.LoginAsync(w.App, w.Host.UserName);
        var detail = await host.GetPageAsync($"/PublicChannels/Studios/Messages/Detail/{m.Id}");
        detail.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        // The page may write the emoji as a character reference; either way it is shown, not dropped.
        detail.ShouldMatch("&lt;/script&gt;(😀|&#x1F600;)");
        detail.ShouldContain("&lt;b&gt;第二行&lt;/b&gt;");
        detail.ShouldNotContain("<script>alert(1)");
    }

    private static async Task RefusedAsync(Db db, Dictionary<string, string> fields, string message)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        using var phone = new WebSession(w.App);
        var (response, body, _) = await w.SubmitAsync(phone, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body.Length > 2000 ? body[..2000] : body);
        body.ShouldContain(message);
        body.ShouldNotContain("<script>alert");
        (await w.MessagesAsync()).ShouldBeEmpty();
    }
}
