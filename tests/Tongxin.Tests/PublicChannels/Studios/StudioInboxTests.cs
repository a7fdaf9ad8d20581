using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Studios;

/// <summary>工作室来信: the host replies or forwards, the unit answers, the host reports back.</summary>
public class StudioInboxTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Host_replies_directly_and_the_reply_is_stored_for_the_public(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        var id = await w.NewMessageAsync();
        var detail = await w.As(w.Host, sp => sp.GetRequiredService<StudioMessages>().GetAsync(id));
        detail.Phone.ShouldBe("13812345678", "the host sees the full number");

        await w.As(w.Host, sp => sp.GetRequiredService<StudioMessages>().ReplyAsync(id, "  已联系街道，\r\n本周内修复。  ", detail.Version));

        var m = await w.MessageAsync(id);
        m.Status.ShouldBe(PublicSubmissionStatus.Replied);
        m.Reply.ShouldBe("已联系街道，\n本周内修复。");
        m.RepliedByName.ShouldBe("测试委员");
        m.RepliedAt.ShouldBe(w.App.Clock.GetUtcNow().UtcDateTime);
        var audited = await w.ReadAsync(d => d.AuditEntries.AnyAsync(a => a.TargetId == id.ToString() && a.Action == "查看联系电话" && a.UserId == w.Host.Id));
        audited.ShouldBeTrue("reading the full phone number is audited");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Forwarded_message_reaches_the_unit_masked_and_its_answer_comes_back_to_the_hosts(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        var id = await w.NewMessageAsync();
        var version = (await w.MessageAsync(id)).Version;

        await w.As(w.Host2, sp => sp.GetRequiredService<StudioMessages>().ForwardAsync(id, w.UnitId, version));
        await w.DispatchEventsAsync();
        var unitInbox = await w.As(w.Unit, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1));
        unitInbox.Items.ShouldContain(n => n.Title == "委员工作室转交来信" && n.Link == $"/PublicChannels/Studios/Forwarded/Detail/{id}");

        var list = await w.As(w.Unit, sp => sp.GetRequiredService<StudioForwarded>().ListAsync(open: true, 1));
        list.Items.ShouldHaveSingleItem().Id.ShouldBe(id);
        var seen = await w.As(w.Unit, sp => sp.GetRequiredService<StudioForwarded>().GetAsync(id));
        seen.Phone.ShouldBe("138****5678", "the unit is not the permitted handler of the phone number");

        await w.As(w.Unit, sp => sp.GetRequiredService<StudioForwarded>().AnswerAsync(id, "已列入本月维修计划。", seen.Version));
        var answered = await w.MessageAsync(id);
        answered.Status.ShouldBe(PublicSubmissionStatus.Processing);
        answered.UnitReply.ShouldBe("已列入本月维修计划。");
        await w.DispatchEventsAsync();
        foreach (var host in new[] { w.Host, w.Host2 })
        {
            var inbox = await w.As(host, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1));
            inbox.Items.ShouldContain(n => n.Title == "工作室来信已获承办单位答复" && n.Body.Contains("关于小区门口人行道破损的反映"));
        }

        (await w.As(w.OtherMember, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1))).Items
            .ShouldNotContain(n => n.Link != null && n.Link.Contains(id.ToString()));

        await w.As(w.Host, sp => sp.GetRequiredService<StudioMessages>().ReplyAsync(id, "城管局已列入本月维修计划，请您留意。", answered.Version));
        var done = await w.MessageAsync(id);
        done.Status.ShouldBe(PublicSubmissionStatus.Replied);
        done.Reply.ShouldBe("城管局已列入本月维修计划，请您留意。");
        (await w.As(w.Unit, sp => sp.GetRequiredService<StudioForwarded>().ListAsync(open: true, 1))).Total.ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Forward_needs_an_active_unit_of_the_same_committee_and_a_reply_needs_text(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewStudioWorldAsync();
        var other = await app.NewStudioWorldAsync();
        var id = await w.NewMessageAsync();
        var version = (await w.MessageAsync(id)).Version;
        var messages = (IServiceProvider sp) => sp.GetRequiredService<StudioMessages>();

        foreach (var unit in new Guid?[] { null, Guid.NewGuid(), other.UnitId })
        {
            var e = await Should.ThrowAsync<ValidationFailedException>(w.As(w.Host, sp => messages(sp).ForwardAsync(id, unit, version)));
            e.Errors["unitId"].ShouldBe(["请选择本级政协的一个承办单位。"]);
        }

        foreach (var text in new[] { null, "", " \u0007\t ", new string('答', StudioMessages.ReplyMax + 1) })
        {
            await Should.ThrowAsync<ValidationFailedException>(w.As(w.Host, sp => messages(sp).ReplyAsync(id, text, version)));
        }

        var m = await w.MessageAsync(id);
        (m.Status, m.Version, m.Reply, m.ForwardedUnitId).ShouldBe((PublicSubmissionStatus.Received, version, (string?)null, (Guid?)null), "nothing is stored half");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Of_two_hosts_answering_at_once_the_second_is_told_in_chinese(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        var id = await w.NewMessageAsync();
        var version = (await w.MessageAsync(id)).Version;

        await w.As(w.Host, sp => sp.GetRequiredService<StudioMessages>().ReplyAsync(id, "第一位委员的答复。", version));
        var late = await Should.ThrowAsync<ConflictException>(w.As(w.Host2, sp => sp.GetRequiredService<StudioMessages>().ForwardAsync(id, w.UnitId, version)));
        late.Message.ShouldContain("请刷新");
        (await w.MessageAsync(id)).Reply.ShouldBe("第一位委员的答复。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Hosts_list_shows_their_studios_messages_masked_and_not_those_held_for_moderation(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewStudioWorldAsync();
        var open = await w.NewMessageAsync(title: "待答复的来信");
        await w.NewMessageAsync(PublicSubmissionStatus.PendingModeration, title: "含敏感词的来信");
        await w.NewMessageAsync(PublicSubmissionStatus.Blocked, title: "已屏蔽的来信");
        var replied = await w.NewMessageAsync(PublicSubmissionStatus.Replied, title: "已答复的来信");

        var all = await w.As(w.Host, sp => sp.GetRequiredService<StudioMessages>().ListAsync(new StudioMessageFilter(), 1));
        all.Items.Select(r => r.Id).ShouldBe([replied, open], ignoreOrder: true);
        all.Items.ShouldAllBe(r => r.MaskedPhone == "138****5678" && r.StudioName == "张主持委员工作室");
        var mine = await w.As(w.Host, sp => sp.GetRequiredService<StudioMessages>().ListAsync(new StudioMessageFilter(Open: true), 1));
        mine.Items.ShouldHaveSingleItem().Id.ShouldBe(open);
        var staff = await w.As(w.Staff, sp => sp.GetRequiredService<StudioMessages>().ListAsync(new StudioMessageFilter(StudioId: w.StudioId), 1));
        staff.Total.ShouldBe(2);
    }
}
