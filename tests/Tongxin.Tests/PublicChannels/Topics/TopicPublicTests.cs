using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Topics;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Topics;

/// <summary>码上征题 for the public: suggest, read, 附议 once per client.</summary>
public partial class TopicPublicTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Public_suggests_a_topic_which_is_published_with_its_support_and_no_personal_data(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewTopicWorldAsync();
        using var phone = new WebSession(w.App);
        var (response, body, _) = await SuggestAsync(w, phone, Fields("关于<script>alert(1)</script>停车难的协商", "停车难😀\u0007\r\n第二行", "周先生", "13900001111"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldContain("您的建议已公开");
        var t = (await SuggestionsAsync(w)).ShouldHaveSingleItem();
        (t.Title, t.Description, t.Status, t.Year, t.SubmitterName, t.Phone).ShouldBe(
            ("关于<script>alert(1)</script>停车难的协商", "停车难😀\n第二行", TopicSuggestionStatus.Published, 2026, "周先生", "13900001111"));

        var list = await phone.GetPageAsync($"/Public/Topics?committeeId={w.Committee.Id}");
        list.ShouldContain("关于&lt;script&gt;alert(1)&lt;/script&gt;停车难的协商");
        list.ShouldNotContain("<script>alert(1)");
        list.ShouldNotContain("周先生");
        list.ShouldNotContain("1111");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Support_counts_once_per_client_and_a_second_support_is_told_in_chinese(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewTopicWorldAsync();
        var id = await w.NewSuggestionAsync("关于增设社区食堂的协商", supports: 2);
        using var phone = new WebSession(w.App);
        var url = $"/Public/Topics?committeeId={w.Committee.Id}&handler=Support&id={id}";
        var listUrl = $"/Public/Topics?committeeId={w.Committee.Id}";

        var first = await phone.PostFormAsync(url, [], listUrl);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await first.Content.ReadAsStringAsync();
        html.ShouldContain("已附议，感谢支持！");
        html.ShouldContain("<strong data-testid=\"support-count\">3</strong>");

        var second = await phone.PostFormAsync(url, [], listUrl);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync()).ShouldContain(TopicPublicPage.AlreadySupported);
        var t = await w.SuggestionAsync(id);
        t.SupportCount.ShouldBe(3);
        (await w.ReadAsync(d => d.TopicSupports.CountAsync(s => s.SuggestionId == id))).ShouldBe(3);

        var hidden = await w.NewSuggestionAsync("被屏蔽的建议", TopicSuggestionStatus.Hidden);
        (await phone.PostFormAsync($"/Public/Topics?committeeId={w.Committee.Id}&handler=Support&id={hidden}", [], listUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await phone.PostFormAsync($"/Public/Topics?committeeId={Guid.NewGuid()}&handler=Support&id={id}", [], listUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await w.SuggestionAsync(hidden)).SupportCount.ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Concurrent_supports_keep_the_count_equal_to_the_supporters(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewTopicWorldAsync();
        var id = await w.NewSuggestionAsync("关于优化公交线网的协商");
        var publicActor = Actor.Public(w.Committee.Id, "127.0.0.1");

        // 12 different clients and the same client four times more, all at once.
        var clients = Enumerable.Range(0, 12).Select(i => $"client-{i}").Concat(Enumerable.Repeat("client-0", 4));
        var results = await Task.WhenAll(clients.Select(c => Attempt(c)));
        results.Count(ok => ok).ShouldBe(12);

        var t = await w.SuggestionAsync(id);
        t.SupportCount.ShouldBe(12);
        (await w.ReadAsync(d => d.TopicSupports.CountAsync(s => s.SuggestionId == id))).ShouldBe(12);

        async Task<bool> Attempt(string client)
        {
            try
            {
                await w.App.AsAsync(publicActor, sp => sp.GetRequiredService<TopicPublicPage>().SupportAsync(w.Committee.Id, id, client));
                return true;
            }
            catch (ConflictException e)
            {
                e.Message.ShouldBe(TopicPublicPage.AlreadySupported);
                return false;
            }
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Public_list_is_paged_and_sorted_by_support_or_newest_and_shows_only_this_years_visible_suggestions(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewTopicWorldAsync();
        var now = w.App.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 22; i++)
        {
            await w.NewSuggestionAsync($"建议{i:D2}号", supports: i % 5, at: now.AddMinutes(-i));
        }

        await w.NewSuggestionAsync("待审核的建议", TopicSuggestionStatus.PendingModeration, supports: 50);
        await w.NewSuggestionAsync("去年的建议", supports: 50, year: 2025);
        using var phone = new WebSession(w.App);
        var bySupport = await phone.GetPageAsync($"/Public/Topics?committeeId={w.Committee.Id}");
        bySupport.ShouldContain("共 22 条");
        bySupport.ShouldContain("建议04号");
        bySupport.ShouldContain("建议00号");
        bySupport.IndexOf("建议04号", StringComparison.Ordinal).ShouldBeLessThan(bySupport.IndexOf("建议00号", StringComparison.Ordinal));
        bySupport.ShouldNotContain("待审核的建议");
        bySupport.ShouldNotContain("去年的建议");
        var newest = await phone.GetPageAsync($"/Public/Topics?committeeId={w.Committee.Id}&sort=Newest");
        newest.ShouldContain("建议00号");
        newest.ShouldContain("建议01号");
        newest.IndexOf("建议00号", StringComparison.Ordinal).ShouldBeLessThan(newest.IndexOf("建议01号", StringComparison.Ordinal));
        var second = await phone.GetPageAsync($"/Public/Topics?committeeId={w.Committee.Id}&sort=Newest&page=2");
        second.ShouldContain("建议21号");
        second.ShouldNotContain("建议00号");
        (await phone.GetAsync($"/Public/Topics?committeeId={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await phone.GetPageAsync("/Public/Topics")).ShouldContain(w.Committee.Name);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_sensitive_word_holds_the_suggestion_and_a_replayed_form_returns_the_first_receipt(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewTopicWorldAsync();
        await w.App.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            data.SensitiveWords.Add(new SensitiveWord { CommitteeId = w.Committee.Id, Word = "赌博" });
            await data.SaveChangesAsync();
        });
        using var phone = new WebSession(w.App);
        var (first, firstBody, stamp) = await SuggestAsync(w, phone, Fields("关于网络赌 博的治理", "说明"));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        firstBody.ShouldContain("您的建议需经审核后公开。");
        var (again, againBody, _) = await SuggestAsync(w, phone, Fields("另一个题目", "说明"), stamp);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        againBody.ShouldContain("您的建议已经提交过，无需重复提交。");
        var t = (await SuggestionsAsync(w)).ShouldHaveSingleItem();
        (t.Status, t.MatchedWords).ShouldBe((TopicSuggestionStatus.PendingModeration, "赌博"));
        (await phone.GetPageAsync($"/Public/Topics?committeeId={w.Committee.Id}")).ShouldNotContain("赌 博");
    }

    public static TheoryData<string, Dictionary<string, string>, string> BadPosts() => new()
    {
        { "no fields", new(), "题目不能为空" },
        { "control title", new() { ["Input.Title"] = "\u0001\u0002", ["Input.Description"] = "说明" }, "题目不能为空" },
        { "no description", new() { ["Input.Title"] = "题目" }, "说明不能为空" },
        { "title too long", new() { ["Input.Title"] = new string('题', 101), ["Input.Description"] = "说明" }, "题目不能超过100个字" },
        { "emoji title too long", new() { ["Input.Title"] = string.Concat(Enumerable.Repeat("👍", 101)), ["Input.Description"] = "说明" }, "题目不能超过100个字" },
        { "huge description", new() { ["Input.Title"] = "题目", ["Input.Description"] = new string('x', 300_000) }, "说明不能超过1000个字" },
        { "name too long", new() { ["Input.Title"] = "题目", ["Input.Description"] = "说明", ["Input.Name"] = new string('名', 51) }, "姓名不能超过50个字" },
        { "bad phone", new() { ["Input.Title"] = "题目", ["Input.Description"] = "说明", ["Input.Phone"] = "12345" }, "请填写正确的手机号码" },
        { "script phone", new() { ["Input.Title"] = "题目", ["Input.Description"] = "说明", ["Input.Phone"] = "<script>alert(1)</script>" }, "请填写正确的手机号码" },
        { "honeypot", new() { ["Input.Title"] = "题目", ["Input.Description"] = "说明", [PublicFormStamps.HoneypotField] = "bot" }, PublicFormStamps.Refused },
        { "forged stamp", new() { ["Input.Title"] = "题目", ["Input.Description"] = "说明", [PublicFormStamps.StampField] = "CfDJ8forged" }, PublicFormStamps.Refused },
    };

    [Theory, MemberData(nameof(BadPosts))]
    public Task Bad_suggestions_are_refused_in_chinese_and_store_nothing_on_sqlite(string _, Dictionary<string, string> fields, string message) =>
        RefusedAsync(Db.Sqlite, fields, message);

    [Theory, MemberData(nameof(BadPosts))]
    public Task Bad_suggestions_are_refused_in_chinese_and_store_nothing_on_postgresql(string _, Dictionary<string, string> fields, string message) =>
        RefusedAsync(Db.PostgreSql, fields, message);

    private static async Task RefusedAsync(Db db, Dictionary<string, string> fields, string message)
    {
        var w = await (await TestApp.SharedAsync(db)).NewTopicWorldAsync();
        using var phone = new WebSession(w.App);
        var (response, body, _) = await SuggestAsync(w, phone, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body.Length > 2000 ? body[..2000] : body);
        body.ShouldContain(message);
        body.ShouldNotContain("<script>alert");
        (await SuggestionsAsync(w)).ShouldBeEmpty();
    }

    private static Dictionary<string, string> Fields(string title, string description, string? name = null, string? phone = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Description"] = description };
        if (name is not null)
        {
            fields["Input.Name"] = name;
        }

        if (phone is not null)
        {
            fields["Input.Phone"] = phone;
        }

        return fields;
    }

    private static async Task<(HttpResponseMessage Response, string Body, string Stamp)> SuggestAsync(TopicWorld w, WebSession phone, Dictionary<string, string> fields, string? stamp = null)
    {
        var url = $"/Public/Topics/Suggest?committeeId={w.Committee.Id}";
        var page = await phone.GetPageAsync(url);
        fields.TryAdd(PublicFormStamps.StampField, stamp ?? WebUtility.HtmlDecode(StampPattern().Match(page).Groups[1].Value));
        var response = await phone.PostFormAsync(url, fields, url);
        return (response, await response.Content.ReadAsStringAsync(), fields[PublicFormStamps.StampField]);
    }

    private static Task<List<TopicSuggestion>> SuggestionsAsync(TopicWorld w) =>
        w.ReadAsync(d => d.TopicSuggestions.AsNoTracking().Where(t => t.CommitteeId == w.Committee.Id).ToListAsync());

    [GeneratedRegex("name=\"_stamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampPattern();
}
