using Microsoft.AspNetCore.SignalR;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Online;

/// <summary>Live updates: a SignalR client joined to a discussion receives comments as they become
/// visible; joining is refused to whoever may not read the discussion.</summary>
public class DiscussionLiveTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_joined_member_receives_a_posted_comment_with_its_author_parent_and_text(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var sent = new List<LiveComment>();
        await using var live = await LiveCapture.StartAsync(w, sent);

        var root = await w.PostAsync(w.Staff, "欢迎大家发言");
        var reply = await w.PostAsync(w.Leader, "我先说两句", root.Id);
        await live.WaitForAsync(reply.Id);

        var got = sent.Single(c => c.Id == reply.Id);
        (got.ParentId, got.Depth, got.AuthorName, got.Content, got.IsPublic).ShouldBe(((Guid?)root.Id, 2, "测试领导", "我先说两句", false));
        got.CreatedAt.ShouldBe(w.App.Clock.GetUtcNow().UtcDateTime);
        sent.ShouldContain(c => c.Id == root.Id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Joining_is_refused_to_outsiders_and_to_the_public_while_public_participation_is_off(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var token = (await w.DiscussionAsync()).Token;
        var sent = new List<LiveComment>();

        await using var outsider = LiveCapture.Connect(w.App, await LiveCapture.BearerAsync(w.App, w.OtherMember.UserName), sent);
        (await Should.ThrowAsync<HubException>(() => outsider.StartAndJoinAsync(w.DiscussionId, null))).Message.ShouldContain("您无权查看该网络议政。");
        await using var unit = LiveCapture.Connect(w.App, await LiveCapture.BearerAsync(w.App, w.Unit.UserName), sent);
        await Should.ThrowAsync<HubException>(() => unit.StartAndJoinAsync(w.DiscussionId, null));
        await using var anonymous = LiveCapture.Connect(w.App, null, sent);
        await Should.ThrowAsync<HubException>(() => anonymous.StartAndJoinAsync(w.DiscussionId, token));

        await w.SetPublicAsync(true);
        await using var phone = LiveCapture.Connect(w.App, null, sent);
        await Should.ThrowAsync<HubException>(() => phone.StartAndJoinAsync(w.DiscussionId, "wrong-token-xxxxxxxxx"));
        await phone.StartAndJoinAsync(w.DiscussionId, token);
        var posted = await w.PostAsync(w.Member, "公众也能实时看到");
        await phone.WaitForAsync(posted.Id);
    }
}
