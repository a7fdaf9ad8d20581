using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Opinions.Reports;

/// <summary>编辑核稿 with versions and the diff against the author's text, and 审签/签发.</summary>
public class EditingTests
{
    private static EditingHandler Editing(IServiceProvider sp) => sp.GetRequiredService<EditingHandler>();

    private static async Task<EditTextInput> CurrentTextAsync(ReportsWorld w, Guid id, string? note = null)
    {
        var r = await w.StoredAsync(id);
        return new EditTextInput { Title = r.Title, Situation = r.Situation, Analysis = r.Analysis, Suggestion = r.Suggestion, Note = note, Version = r.Version };
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Each_editing_save_is_a_new_version_and_the_author_text_is_never_changed(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.InStatusAsync(OpinionStatus.Adopted);

        var edit = await CurrentTextAsync(w, id, "压缩篇幅");
        edit.Situation = "我市已建成社区养老服务站二百余个，部分站点运营不足一年即关停。";
        edit.Suggestion = "一、按服务量核发运营补贴；二、引入专业机构连锁运营。";
        var second = await w.As(w.Staff, sp => Editing(sp).EditTextAsync(id, edit));
        var again = await CurrentTextAsync(w, id, "统一表述");
        again.Title = "关于规范社区养老服务站运营管理的建议";
        var third = await w.As(w.StaffWithoutSignOff, sp => Editing(sp).EditTextAsync(id, again));

        (second, third).ShouldBe((2, 3));
        var versions = await w.VersionsAsync(id);
        versions.Select(v => (v.No, v.IsAuthorText, v.Note)).ShouldBe([(1, true, "报送稿"), (2, false, "压缩篇幅"), (3, false, "统一表述")]);
        versions[0].Situation.ShouldBe("我市已建成社区养老服务站二百余个，但部分站点运营不足一年即关停。");
        versions[0].Title.ShouldBe("关于规范社区养老服务站运营的建议");
        var stored = await w.StoredAsync(id);
        stored.ShouldSatisfyAllConditions(
            r => r.Status.ShouldBe(OpinionStatus.Adopted),
            r => r.CurrentVersionNo.ShouldBe(3),
            r => r.Title.ShouldBe("关于规范社区养老服务站运营管理的建议"),
            r => r.Suggestion.ShouldBe("一、按服务量核发运营补贴；二、引入专业机构连锁运营。"));
        (await w.TimelineAsync(id)).ShouldContain("编辑核稿，保存第2稿：压缩篇幅");

        var staffView = await w.As(w.Staff, sp => sp.GetRequiredService<ReportDetailQuery>().GetAsync(id));
        staffView.Text.ShouldSatisfyAllConditions(t => t.VersionNo.ShouldBe(3), t => t.IsAuthorText.ShouldBeFalse(), t => t.Title.ShouldBe("关于规范社区养老服务站运营管理的建议"));
        staffView.Versions.Count.ShouldBe(3);
        var authorView = await w.As(w.Lead, sp => sp.GetRequiredService<ReportDetailQuery>().GetAsync(id));
        authorView.Text.ShouldSatisfyAllConditions(t => t.VersionNo.ShouldBe(1), t => t.Title.ShouldBe("关于规范社区养老服务站运营的建议"));
        authorView.Versions.ShouldBeEmpty();

        var diff = await w.As(w.Staff, sp => Editing(sp).DiffAsync(id, 2));
        diff.AuthorNo.ShouldBe(1);
        diff.Fields.Single(f => f.Label == "基本情况").Segments.ShouldBe(
        [
            new DiffSegment(DiffKind.Equal, "我市已建成社区养老服务站二百余个，"),
            new DiffSegment(DiffKind.Delete, "但"),
            new DiffSegment(DiffKind.Equal, "部分站点运营不足一年即关停。"),
        ]);
        diff.Fields.Single(f => f.Label == "意见建议").Segments.Where(s => s.Kind != DiffKind.Equal)
            .ShouldBe([new DiffSegment(DiffKind.Insert, "核"), new DiffSegment(DiffKind.Delete, "放")]);
        diff.Fields.Single(f => f.Label == "问题分析").Changed.ShouldBeFalse();
        (await w.As(w.Staff, sp => Editing(sp).DiffAsync(id, null))).No.ShouldBe(3);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Of_two_editors_saving_from_the_same_version_one_wins_and_the_other_is_told(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.InStatusAsync(OpinionStatus.Adopted);
        var first = await CurrentTextAsync(w, id, "甲");
        first.Suggestion = "甲的修改。";
        var second = await CurrentTextAsync(w, id, "乙");
        second.Suggestion = "乙的修改。";

        var results = await Task.WhenAll(
            Attempt(() => w.As(w.Staff, sp => Editing(sp).EditTextAsync(id, first))),
            Attempt(() => w.As(w.StaffWithoutSignOff, sp => Editing(sp).EditTextAsync(id, second))));

        results.Count(r => r is null).ShouldBe(1);
        results.Single(r => r is not null).ShouldBeOfType<ConflictException>().Message.ShouldBe(OpinionSave.ConcurrentMessage);
        (await w.VersionsAsync(id)).Count.ShouldBe(2);
        var loser = results[0] is null ? second : first;
        await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Editing(sp).EditTextAsync(id, loser)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Editing_keeps_the_length_limit_and_waits_for_adoption(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var submitted = await w.SubmittedAsync();
        var early = await CurrentTextAsync(w, submitted);
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Editing(sp).EditTextAsync(submitted, early))))
            .Message.ShouldBe("该信息当前状态为“待筛选”，不能编辑核稿。");

        var adopted = await w.InStatusAsync(OpinionStatus.Adopted);
        var tooLong = await CurrentTextAsync(w, adopted);
        tooLong.Analysis = new string('长', 1500);
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Editing(sp).EditTextAsync(adopted, tooLong))))
            .Errors[nameof(EditTextInput.Suggestion)].Single().ShouldContain("不能超过1500字");
        (await w.VersionsAsync(adopted)).Count.ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Sign_off_records_who_and_when_tells_the_authors_and_can_be_withdrawn(Db db)
    {
        var w = await ReportsWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.InStatusAsync(OpinionStatus.Adopted, ReportsWorld.Input(kind: OpinionSubmitterKind.Joint, coAuthors: w.CoAuthor));

        await Should.ThrowAsync<ForbiddenException>(() => w.As(w.StaffWithoutSignOff, sp => Editing(sp).SignOffAsync(id)));
        await w.As(w.Staff, sp => Editing(sp).SignOffAsync(id));

        var stored = await w.StoredAsync(id);
        stored.ShouldSatisfyAllConditions(
            r => r.Status.ShouldBe(OpinionStatus.SignedOff),
            r => r.SignedOffAt.ShouldBe(w.App.Clock.GetUtcNow().UtcDateTime),
            r => r.SignedOffByName.ShouldBe($"测试{Roles.DisplayName(Roles.Staff)}"));
        (await w.TimelineAsync(id)).Last().ShouldBe("审签签发（第1稿）");
        var signed = (await w.EventsAsync(id)).Single(e => e.Action == OpinionAction.SignOff);
        signed.RecipientMemberIds.ShouldBe([w.Lead.Actor.MemberId!.Value, w.CoAuthor.Actor.MemberId!.Value]);
        await w.App.AsAsync(Actor.System, sp => sp.GetRequiredService<NotifyReportAuthors>().HandleAsync(signed, new EventContext(Guid.NewGuid(), w.App.Clock.GetUtcNow().UtcDateTime, 1), default));
        var inbox = await w.As(w.Lead, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1));
        inbox.Items.ShouldContain(n => n.Title == "社情民意已签发" && n.Body == signed.Summary && n.Link == $"/Opinions/Detail/{id}");
        await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Editing(sp).SignOffAsync(id)));

        await w.As(w.Staff, sp => Editing(sp).ReopenAsync(id));
        (await w.StoredAsync(id)).ShouldSatisfyAllConditions(
            r => r.Status.ShouldBe(OpinionStatus.Adopted),
            r => r.SignedOffAt.ShouldBeNull(),
            r => r.SignedOffByName.ShouldBeNull());
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
