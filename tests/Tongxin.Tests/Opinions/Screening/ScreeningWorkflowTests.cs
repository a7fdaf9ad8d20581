using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Screening;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using Xunit;

namespace Tongxin.Tests.Opinions.Screening;

/// <summary>筛选: each decision moves the report, records who decided and why, writes the timeline
/// and tells the author; missing reasons are refused in Chinese; of two staff deciding at once, one wins.</summary>
public class ScreeningWorkflowTests
{
    private static Task Screen(ScreeningWorld w, TestData.TestUser user, Func<ScreeningHandler, Task> act) =>
        w.As(user, sp => act(sp.GetRequiredService<ScreeningHandler>()));

    private static Task<List<(string Title, string Body, string? Link)>> InboxAsync(ScreeningWorld w, TestData.TestUser user) =>
        w.App.AsAsync(Actor.System, async sp => (await sp.GetRequiredService<TongxinDbContext>().Notifications.AsNoTracking()
            .Where(n => n.UserId == user.Id).OrderBy(n => n.CreatedAt).Select(n => new { n.Title, n.Body, n.Link }).ToListAsync())
            .Select(n => (n.Title, n.Body, n.Link)).ToList());

    [Theory, ClassData(typeof(Databases))]
    public async Task Adopting_records_the_decision_and_tells_the_author(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var id = await w.ReportAsync();

        await Screen(w, w.Staff, s => s.AdoptAsync([id]));
        await w.DeliverAsync();

        var r = await w.ReadAsync(id);
        r.Status.ShouldBe(OpinionStatus.Adopted);
        r.ScreenedAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
        r.ScreenedByName.ShouldBe("测试机关工作人员");
        (await w.HistoryAsync(id)).ShouldBe(["采用"]);
        var notice = (await InboxAsync(w, w.Member)).Single();
        notice.Title.ShouldBe("社情民意信息已采用");
        notice.Body.ShouldContain("《关于解决医院周边停车难问题的建议》已被采用");
        notice.Link.ShouldBe($"/Opinions/Detail/{id}");
        (await InboxAsync(w, w.Member2)).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Rejecting_takes_a_listed_reason_or_the_staffs_own_words(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var listed = await w.ReportAsync();
        var own = await w.ReportAsync();

        await Screen(w, w.Staff, s => s.RejectAsync(listed, "反映问题不具普遍性"));
        await Screen(w, w.Staff, s => s.RejectAsync(own, "  该医院已于上月启用新停车楼  "));

        (await w.ReadAsync(listed)).ScreeningNote.ShouldBe("反映问题不具普遍性");
        var r = await w.ReadAsync(own);
        r.Status.ShouldBe(OpinionStatus.Rejected);
        r.ScreeningNote.ShouldBe("该医院已于上月启用新停车楼");
        (await w.HistoryAsync(own)).ShouldBe(["不采用：该医院已于上月启用新停车楼"]);
    }

    public static TheoryData<Db, string> RequiredTexts()
    {
        var data = new TheoryData<Db, string>();
        foreach (var db in Enum.GetValues<Db>())
        {
            foreach (var action in new[] { "不采用", "退回补充", "转提案线索" })
            {
                data.Add(db, action);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(RequiredTexts))]
    public async Task A_reason_or_note_is_required_and_refused_in_Chinese(Db db, string action)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var id = await w.ReportAsync();
        var before = await w.ReadAsync(id);
        Func<ScreeningHandler, string?, Task> act = action switch
        {
            "不采用" => (s, text) => s.RejectAsync(id, text),
            "退回补充" => (s, text) => s.ReturnAsync(id, text),
            _ => (s, text) => s.MarkProposalClueAsync(id, text),
        };
        var (field, message) = action switch
        {
            "不采用" => ("reason", "请选择或填写不采用的理由。"),
            "退回补充" => ("note", "请填写需要补充的内容。"),
            _ => ("note", "请填写给报送人的说明。"),
        };

        foreach (var blank in new[] { null, "", "   " })
        {
            var e = await Should.ThrowAsync<ValidationFailedException>(() => Screen(w, w.Staff, s => act(s, blank)));
            e.Errors[field].ShouldBe([message]);
        }

        var tooLong = await Should.ThrowAsync<ValidationFailedException>(() => Screen(w, w.Staff, s => act(s, new string('长', 501))));
        tooLong.Errors[field].Single().ShouldContain("不能超过500个字符");
        (await w.ReadAsync(id)).Version.ShouldBe(before.Version);
        (await w.HistoryAsync(id)).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Returning_and_marking_a_proposal_clue_tell_the_author_what_to_do(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var returned = await w.ReportAsync();
        var clue = await w.ReportAsync(title: "关于系统解决城区停车难的建议");

        await Screen(w, w.Staff, s => s.ReturnAsync(returned, "请补充涉及的医院名称和排队时长数据"));
        await Screen(w, w.Staff, s => s.MarkProposalClueAsync(clue, "涉及规划和投资，建议写成提案"));
        await w.DeliverAsync();

        (await w.ReadAsync(returned)).Status.ShouldBe(OpinionStatus.Returned);
        (await w.ReadAsync(returned)).ScreeningNote.ShouldBe("请补充涉及的医院名称和排队时长数据");
        (await w.ReadAsync(clue)).Status.ShouldBe(OpinionStatus.ProposalClue);
        var inbox = await InboxAsync(w, w.Member);
        inbox.ShouldContain(n => n.Title == "社情民意信息退回补充" && n.Body.Contains("请补充涉及的医院名称和排队时长数据"));
        var invitation = inbox.Single(n => n.Title == "社情民意信息转为提案线索");
        invitation.Body.ShouldContain("建议据此起草提案：涉及规划和投资，建议写成提案");
        invitation.Link.ShouldBe($"/Proposals/My/Edit?fromReport={clue}");

        // 据此起草提案: the author gets the text; another member and a report not marked do not.
        var prefill = await w.As(w.Member, sp => sp.GetRequiredService<ProposalClue>().PrefillAsync(clue));
        prefill.Title.ShouldBe("关于系统解决城区停车难的建议");
        prefill.Situation.ShouldBe("市第一人民医院周边高峰时段车辆排队进场超过一小时。\n\n医院停车泊位按老标准配建，缺口较大。");
        prefill.Suggestions.ShouldBe("一是推行停车预约；二是错时共享周边车位。");
        await Should.ThrowAsync<NotFoundException>(() => w.As(w.Member2, sp => sp.GetRequiredService<ProposalClue>().PrefillAsync(clue)));
        await Should.ThrowAsync<ConflictException>(() => w.As(w.Member, sp => sp.GetRequiredService<ProposalClue>().PrefillAsync(returned)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Kept_reports_can_be_decided_later_but_decided_ones_cannot_be_screened_again(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var id = await w.ReportAsync();

        await Screen(w, w.Staff, s => s.KeepAsync([id]));
        (await w.ReadAsync(id)).Status.ShouldBe(OpinionStatus.Kept);
        await Screen(w, w.Staff, s => s.AdoptAsync([id]));
        (await w.ReadAsync(id)).Status.ShouldBe(OpinionStatus.Adopted);

        var e = await Should.ThrowAsync<ConflictException>(() => Screen(w, w.Staff, s => s.RejectAsync(id, "重复")));
        e.Message.ShouldBe("该信息当前状态为“采用·编辑中”，不能不采用。");
        (await w.HistoryAsync(id)).ShouldBe(["留存", "采用"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_batch_is_decided_together_or_not_at_all(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var a = await w.ReportAsync();
        var b = await w.ReportAsync();
        var rejected = await w.ReportAsync(OpinionStatus.Rejected);

        await Should.ThrowAsync<ConflictException>(() => Screen(w, w.Staff, s => s.AdoptAsync([a, rejected, b])));
        (await w.ReadAsync(a)).Status.ShouldBe(OpinionStatus.Submitted);
        (await w.ReadAsync(b)).Status.ShouldBe(OpinionStatus.Submitted);

        await Screen(w, w.Staff, s => s.KeepAsync([a, b, a]));
        (await w.ReadAsync(a)).Status.ShouldBe(OpinionStatus.Kept);
        (await w.ReadAsync(b)).Status.ShouldBe(OpinionStatus.Kept);
        (await w.HistoryAsync(a)).ShouldBe(["留存"]);
        (await Should.ThrowAsync<ValidationFailedException>(() => Screen(w, w.Staff, s => s.AdoptAsync([])))).Errors["ids"].ShouldBe(["请选择要采用的信息。"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Of_two_staff_screening_one_report_at_once_one_wins(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ScreeningWorld.CreateAsync(app);
        var id = await w.ReportAsync();

        // Both load the report before either saves: the second save finds the row changed.
        await using var first = app.As(w.Staff.Actor);
        await using var second = app.As(w.Staff2.Actor);
        var firstDb = first.ServiceProvider.GetRequiredService<TongxinDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<TongxinDbContext>();
        (await firstDb.OpinionReports.SingleAsync(r => r.Id == id)).Status.ShouldBe(OpinionStatus.Submitted);
        (await secondDb.OpinionReports.SingleAsync(r => r.Id == id)).Status.ShouldBe(OpinionStatus.Submitted);

        await first.ServiceProvider.GetRequiredService<ScreeningHandler>().AdoptAsync([id]);
        var e = await Should.ThrowAsync<ConflictException>(() => second.ServiceProvider.GetRequiredService<ScreeningHandler>().RejectAsync(id, "内容与已采用信息重复"));
        e.Message.ShouldBe(OpinionSave.ConcurrentMessage);

        var r = await w.ReadAsync(id);
        r.Status.ShouldBe(OpinionStatus.Adopted);
        r.ScreeningNote.ShouldBeNull();
        (await w.HistoryAsync(id)).ShouldBe(["采用"]);
    }
}
