using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Search;
using Tongxin.Platform.Accounts;
using Tongxin.Tests.Infrastructure;
using Xunit;

namespace Tongxin.Tests.Opinions.Screening;

/// <summary>社情民意检索: the index follows the reports, finds 2- and 4-character words and marks
/// them, and shows each user only the reports they may read.</summary>
public class OpinionSearchTests
{
    private static Task<OpinionSearchHit[]> SearchAsync(ScreeningWorld w, TestData.TestUser user, string q) =>
        w.As(user, async sp => (await sp.GetRequiredService<OpinionSearch>().SearchAsync(q, new OpinionSearchFilter(), 1)).Items.ToArray());

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_and_four_character_words_are_found_and_marked(Db db)
    {
        // Events are delivered only when the test says so: the first search runs before the index has the reports.
        await using var app = await TestApp.CreateIsolatedAsync(db, settings: new Dictionary<string, string?> { ["Tongxin:Events:RunDispatcher"] = "false" });
        var w = await ScreeningWorld.CreateAsync(app);
        var courier = await w.ReportAsync(title: "关于打通农村快递末端配送的建议", situation: "村民取件需往返十多公里，<农产品>寄出不便。");
        var cold = await w.ReportAsync(title: "关于补齐农产品冷链物流短板的建议", situation: "产地缺少预冷设施。");
        (await SearchAsync(w, w.Staff, "快递")).ShouldBeEmpty("not indexed before the event is delivered");
        await w.DeliverAsync();

        var hit = (await SearchAsync(w, w.Staff, "快递")).Single();
        hit.Id.ShouldBe(courier);
        hit.TitleHtml.ShouldBe("关于打通农村<mark>快递</mark>末端配送的建议");
        (await SearchAsync(w, w.Staff, "寄出")).Single().SnippetHtml.ShouldContain("&lt;农产品&gt;<mark>寄出</mark>不便");
        (await SearchAsync(w, w.Staff, "冷链物流")).Select(h => h.Id).ShouldBe([cold]);
        (await SearchAsync(w, w.Staff, "物流冷链")).ShouldBeEmpty();
        (await SearchAsync(w, w.Staff, "农产品")).Select(h => h.Id).ShouldBe([courier, cold], ignoreOrder: true);
        (await SearchAsync(w, w.Staff, "周建国 冷链")).Select(h => h.Id).ShouldBe([cold], "the submitter is searched too, every word must match");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Each_user_finds_only_what_they_may_read(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        const string word = "骑手";
        var submitted = await w.ReportAsync(title: "关于加强外卖骑手交通安全的建议");
        var adopted = await w.ReportAsync(OpinionStatus.Adopted, title: "关于保障外卖骑手权益的建议");
        var draft = await w.ReportAsync(OpinionStatus.Draft, title: "关于骑手休息站点的建议");
        var county = await w.ReportAsync(title: "关于规范骑手电动车充电的建议", committeeId: w.County.Id);
        var otherCommittee = await app.NewCommitteeAsync();
        var stranger = await app.NewUserAsync(otherCommittee, Roles.Staff, [Permissions.Opinions]);
        await w.DeliverAsync();

        (await SearchAsync(w, w.Staff, word)).Select(h => h.Id).ShouldBe([submitted, adopted, county], ignoreOrder: true);
        (await SearchAsync(w, w.CountyStaff, word)).Select(h => h.Id).ShouldBe([county]);
        (await SearchAsync(w, w.Leader, word)).Select(h => h.Id).ShouldBe([adopted]);
        (await SearchAsync(w, w.Member, word)).Select(h => h.Id).ShouldBe([submitted, adopted, draft], ignoreOrder: true);
        (await SearchAsync(w, w.Member2, word)).ShouldBeEmpty();
        (await SearchAsync(w, w.StaffWithoutPermission, word)).ShouldBeEmpty();
        (await SearchAsync(w, stranger, word)).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_rebuild_reads_every_report_back(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var id = await w.ReportAsync(title: "关于增设公共厕所第三卫生间的建议");

        var count = await app.AsAsync(Tongxin.Platform.Tenancy.Actor.System, sp => sp.GetRequiredService<OpinionIndexer>().RebuildAsync(CancellationToken.None));

        count.ShouldBeGreaterThan(100, "the demo reports and the new one");
        (await SearchAsync(w, w.Staff, "卫生间")).Single().Id.ShouldBe(id);
    }
}
