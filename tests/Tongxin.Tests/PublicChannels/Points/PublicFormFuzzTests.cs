using System.Net;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Points;

/// <summary>Whatever is posted to the public form: a 4xx with a Chinese message (or the same
/// receipt), never a 500, and no row unless the letter was accepted whole.</summary>
public class PublicFormFuzzTests
{
    public static TheoryData<string, Dictionary<string, string>, string> BadPosts() => new()
    {
        { "no title", new() { ["Input.Content"] = "内容" }, "标题不能为空" },
        { "blank title", new() { ["Input.Title"] = " \t\u0000 ", ["Input.Content"] = "内容" }, "标题不能为空" },
        { "no content", new() { ["Input.Title"] = "标题" }, "内容不能为空" },
        { "title too long", new() { ["Input.Title"] = new string('长', 101), ["Input.Content"] = "内容" }, "标题不能超过100个字" },
        { "emoji title too long", new() { ["Input.Title"] = string.Concat(Enumerable.Repeat("😀", 101)), ["Input.Content"] = "内容" }, "标题不能超过100个字" },
        { "content too long", new() { ["Input.Title"] = "标题", ["Input.Content"] = new string('字', 2001) }, "内容不能超过2000个字" },
        { "huge content", new() { ["Input.Title"] = "标题", ["Input.Content"] = new string('x', 200_000) }, "内容不能超过2000个字" },
        { "name too long", new() { ["Input.Title"] = "标题", ["Input.Content"] = "内容", ["Input.Name"] = new string('名', 51) }, "姓名不能超过50个字" },
        { "letters as phone", new() { ["Input.Title"] = "标题", ["Input.Content"] = "内容", ["Input.Phone"] = "call me" }, "请填写正确的手机号码" },
        { "short mobile", new() { ["Input.Title"] = "标题", ["Input.Content"] = "内容", ["Input.Phone"] = "1381234567" }, "请填写正确的手机号码" },
        { "script as phone", new() { ["Input.Title"] = "标题", ["Input.Content"] = "内容", ["Input.Phone"] = "<script>alert(1)</script>" }, "请填写正确的手机号码" },
        { "honeypot filled", new() { ["Input.Title"] = "标题", ["Input.Content"] = "内容", [PublicFormStamps.HoneypotField] = "http://spam.example" }, PublicFormStamps.Refused },
        { "bad stamp", new() { ["Input.Title"] = "标题", ["Input.Content"] = "内容", [PublicFormStamps.StampField] = "CfDJ8-forged" }, PublicFormStamps.Refused },
        { "empty stamp", new() { ["Input.Title"] = "标题", ["Input.Content"] = "内容", [PublicFormStamps.StampField] = "" }, PublicFormStamps.Refused },
    };

    [Theory, MemberData(nameof(BadPosts))]
    public async Task Bad_posts_are_refused_in_Chinese_and_store_nothing_on_SQLite(string _, Dictionary<string, string> fields, string message) =>
        await RefusedAsync(Db.Sqlite, fields, message);

    [Theory, MemberData(nameof(BadPosts))]
    public async Task Bad_posts_are_refused_in_Chinese_and_store_nothing_on_PostgreSQL(string _, Dictionary<string, string> fields, string message) =>
        await RefusedAsync(Db.PostgreSql, fields, message);

    private static async Task RefusedAsync(Db db, Dictionary<string, string> fields, string message)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);

        var (response, body, _) = await w.SubmitAsync(phone, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body.Length > 2000 ? body[..2000] : body);
        body.ShouldContain(message);
        body.ShouldNotContain("<script>alert");
        (await w.LettersAsync()).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Control_characters_and_overrides_are_stripped_emoji_and_scripts_stored_as_text(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);

        var (response, body, _) = await w.SubmitAsync(phone, PointsWorld.Letter(
            title: "  路灯\u0000坏了\u202E😀 ",
            content: "<img src=x onerror=alert(1)>\r\n第二行\u0007👨‍👩‍👧",
            name: "李\u0008四",
            phone: "０５７１-８７６５４３２１"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var letter = await w.LetterAsync(PointsWorld.ReceiptCodeIn(body));
        letter.Title.ShouldBe("路灯坏了😀");
        letter.Content.ShouldBe("<img src=x onerror=alert(1)>\n第二行👨‍👩‍👧");
        letter.SubmitterName.ShouldBe("李四");
        letter.Phone.ShouldBe("0571-87654321");

        var receipt = await phone.GetPageAsync($"/q/receipt?code={letter.ReceiptCode}");
        receipt.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
        receipt.ShouldNotContain("<img src=x");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_post_without_the_anti_forgery_token_is_refused(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await PointsWorld.CreateAsync(app);
        using var phone = new WebSession(app);

        var response = await phone.Client.PostAsync($"/q/{w.Token}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Title"] = "标题", ["Input.Content"] = "内容" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("请求有误");
        (await w.LettersAsync()).ShouldBeEmpty();
    }
}
