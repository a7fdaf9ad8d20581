using System.Net;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Topics;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Topics;

/// <summary>码上征题管理 and the query the consultation module reads.</summary>
public class TopicModerationTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_publish_a_held_suggestion_and_hide_a_published_one(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewTopicWorldAsync();
        var held = await w.NewSuggestionAsync("关于整治噪音扰民的建议", TopicSuggestionStatus.PendingModeration);
        var shown = await w.NewSuggestionAsync("关于增设公交线路的建议", supports: 3);
        var moderation = (IServiceProvider sp) => sp.GetRequiredService<TopicModeration>();

        await w.App.AsAsync(w.Staff.Actor, sp => moderation(sp).PublishAsync(held, 0));
        await w.App.AsAsync(w.Staff.Actor, sp => moderation(sp).HideAsync(shown, 0));
        (await w.SuggestionAsync(held)).Status.ShouldBe(TopicSuggestionStatus.Published);
        var hidden = await w.SuggestionAsync(shown);
        (hidden.Status, hidden.SupportCount).ShouldBe((TopicSuggestionStatus.Hidden, 3));

        var again = await Should.ThrowAsync<ConflictException>(w.App.AsAsync(w.Staff.Actor, sp => moderation(sp).HideAsync(shown, hidden.Version)));
        again.Message.ShouldBe("该建议当前状态为“已屏蔽”，不能屏蔽。");
        var pooled = await w.NewSuggestionAsync("已纳入选题库的建议", TopicSuggestionStatus.TakenIntoPool);
        await Should.ThrowAsync<ConflictException>(w.App.AsAsync(w.Staff.Actor, sp => moderation(sp).HideAsync(pooled, 0)));

        var counts = await w.App.AsAsync(w.Staff.Actor, sp => moderation(sp).CountsAsync(2026));
        (counts[TopicSuggestionStatus.Published], counts[TopicSuggestionStatus.Hidden], counts[TopicSuggestionStatus.TakenIntoPool]).ShouldBe((1, 1, 1));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_own_committees_public_channel_staff_moderate(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewTopicWorldAsync();
        var other = await app.NewTopicWorldAsync();
        var member = await app.NewUserAsync(w.Committee, Roles.Member);
        var id = await w.NewSuggestionAsync("关于规范共享单车停放的建议", TopicSuggestionStatus.PendingModeration);
        var denied = new (string Who, Actor Actor, Type Expected)[]
        {
            ("无公众渠道权限的工作人员", w.StaffWithoutPublic.Actor, typeof(ForbiddenException)),
            ("其他政协的工作人员", other.Staff.Actor, typeof(NotFoundException)),
            ("委员", member.Actor, typeof(ForbiddenException)),
            ("公众", Actor.Public(w.Committee.Id, "127.0.0.1"), typeof(ForbiddenException)),
        };
        foreach (var (who, actor, expected) in denied)
        {
            foreach (var action in new Func<TopicModeration, Task>[] { m => m.PublishAsync(id, 0), m => m.HideAsync(id, 0), m => m.PhoneAsync(id) })
            {
                var e = await Should.ThrowAsync<DomainException>(app.AsAsync(actor, sp => action(sp.GetRequiredService<TopicModeration>())), who);
                e.GetType().ShouldBe(expected, who);
            }
        }

        await Should.ThrowAsync<ForbiddenException>(app.AsAsync(w.StaffWithoutPublic.Actor, sp => sp.GetRequiredService<TopicModeration>().ListAsync(new TopicFilter(), 1)));
        (await app.AsAsync(other.Staff.Actor, sp => sp.GetRequiredService<TopicModeration>().ListAsync(new TopicFilter(), 1))).Items.ShouldNotContain(r => r.Id == id);
        (await w.SuggestionAsync(id)).Status.ShouldBe(TopicSuggestionStatus.PendingModeration);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_list_is_sorted_by_support_masks_phones_and_exports_to_excel(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewTopicWorldAsync();
        var now = w.App.Clock.GetUtcNow().UtcDateTime;
        await w.NewSuggestionAsync("甲建议", supports: 1, at: now.AddHours(-3));
        await w.NewSuggestionAsync("乙建议", supports: 5, at: now.AddHours(-2));
        await w.NewSuggestionAsync("丙建议", TopicSuggestionStatus.PendingModeration, at: now.AddHours(-1));
        await w.NewSuggestionAsync("去年的建议", year: 2025);

        var bySupport = await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<TopicModeration>().ListAsync(new TopicFilter(2026, Sort: TopicSort.Support), 1));
        bySupport.Items.Select(r => r.Title).ShouldBe(["乙建议", "甲建议", "丙建议"]);
        bySupport.Items.ShouldAllBe(r => r.MaskedPhone == "139****1111");
        var newest = await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<TopicModeration>().ListAsync(new TopicFilter(2026), 1));
        newest.Items.Select(r => r.Title).ShouldBe(["丙建议", "乙建议", "甲建议"]);

        using var s = await WebSession.LoginAsync(w.App, w.Staff.UserName);
        var response = await s.GetAsync("/PublicChannels/Topics?year=2026&sort=Support&handler=Export");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet(1);
        sheet.Cell(1, 2).GetString().ShouldBe("题目");
        (sheet.Cell(2, 2).GetString(), sheet.Cell(2, 4).GetString(), sheet.Cell(2, 8).GetString()).ShouldBe(("乙建议", "5", "139****1111"));
        sheet.LastRowUsed()!.RowNumber().ShouldBe(4);

        var page = await s.GetPageAsync("/PublicChannels/Topics?year=2026");
        page.ShouldContain("丙建议");
        page.ShouldNotContain("13900001111");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Consultation_reads_the_published_suggestions_of_a_year_by_support(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewTopicWorldAsync();
        var now = w.App.Clock.GetUtcNow().UtcDateTime;
        await w.NewSuggestionAsync("一般建议", supports: 2, at: now.AddHours(-2));
        await w.NewSuggestionAsync("热门建议", supports: 9, at: now.AddHours(-3));
        await w.NewSuggestionAsync("已入库建议", TopicSuggestionStatus.TakenIntoPool, supports: 4);
        await w.NewSuggestionAsync("被屏蔽的建议", TopicSuggestionStatus.Hidden, supports: 20);
        await w.NewSuggestionAsync("待审核的建议", TopicSuggestionStatus.PendingModeration);
        await w.NewSuggestionAsync("去年的建议", supports: 30, year: 2025);

        var list = await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<TopicSuggestionQuery>().ListAsync(w.Committee.Id, 2026));
        list.Items.Select(t => (t.Title, t.SupportCount)).ShouldBe([("热门建议", 9), ("已入库建议", 4), ("一般建议", 2)]);
        list.Items[1].Status.ShouldBe(TopicSuggestionStatus.TakenIntoPool);
    }
}
