using System.Net;
using System.Text.RegularExpressions;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Online;

/// <summary>The discussion pages over HTTP: members comment and reply, staff moderate, the public
/// uses the token link only when public participation is on.</summary>
public partial class DiscussionPageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_comments_and_replies_on_the_page_and_sees_a_held_comment_as_pending(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        using var s = await WebSession.LoginAsync(w.App, w.Member.UserName);
        var url = $"/Consultation/Discussions/Detail/{w.DiscussionId}";

        var posted = await s.PostFormAsync($"{url}?handler=Comment", new() { ["Input.Content"] = "建议<b>增加</b>助餐点" }, url);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var root = (await w.CommentsAsync()).ShouldHaveSingleItem();

        var replied = await s.PostFormAsync($"{url}?handler=Comment", new() { ["Input.Content"] = "补充：夜间也要有", ["Input.ParentId"] = root.Id.ToString() }, url);
        replied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await s.PostFormAsync($"{url}?handler=Comment", new() { ["Input.Content"] = $"含{OnlineWorld.SensitiveWord}" }, url);

        var page = await s.GetPageAsync(url);
        page.ShouldContain("共 2 条评论");
        page.ShouldContain("建议&lt;b&gt;增加&lt;/b&gt;助餐点");
        page.ShouldNotContain("<b>增加</b>");
        page.ShouldContain("补充：夜间也要有");
        page.ShouldContain("data-testid=\"my-pending\"");
        page.ShouldContain("待审核");
        page.ShouldContain("/lib/signalr/signalr.min.js");

        // Another member does not see someone else's pending comment.
        using var other = await WebSession.LoginAsync(w.App, w.Leader.UserName);
        var theirs = await other.GetPageAsync(url);
        theirs.ShouldNotContain(OnlineWorld.SensitiveWord);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_input_on_the_page_is_a_chinese_400_and_nothing_is_stored(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        using var s = await WebSession.LoginAsync(w.App, w.Member.UserName);
        var url = $"/Consultation/Discussions/Detail/{w.DiscussionId}";
        foreach (var (content, message) in new[] { ("", "评论内容不能为空。"), ("\u0001\u0002", "评论内容不能为空。"), (new string('字', 1001), "评论内容不能超过1000个字。") })
        {
            var response = await s.PostFormAsync($"{url}?handler=Comment", new() { ["Input.Content"] = content }, url);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        }

        var garbled = await s.GetAsync($"{url}?before=garbage");
        garbled.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await garbled.Content.ReadAsStringAsync()).ShouldContain("分页参数无效，请返回第一页。");
        (await w.CommentsAsync()).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_hide_a_comment_from_the_moderation_page_and_others_are_refused(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var held = await w.PostAsync(w.Member, $"{OnlineWorld.SensitiveWord}广告");
        using var staff = await WebSession.LoginAsync(w.App, w.Staff.UserName);
        var queue = await staff.GetPageAsync("/Consultation/Discussions/Moderation");
        queue.ShouldContain($"{OnlineWorld.SensitiveWord}广告");
        queue.ShouldContain("data-confirm=\"确定隐藏这条评论吗？");
        var hide = await staff.PostFormAsync($"/Consultation/Discussions/Moderation?handler=Hide&commentId={held.Id}", [], "/Consultation/Discussions/Moderation");
        hide.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.CommentAsync(held.Id)).Status.ShouldBe(CommentStatus.Hidden);
        (await staff.GetPageAsync("/Consultation/Discussions/Moderation")).ShouldContain("没有待审核的评论。");

        using var member = await WebSession.LoginAsync(w.App, w.Member.UserName);
        (await member.GetAsync("/Consultation/Discussions/Moderation")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var unit = await WebSession.LoginAsync(w.App, w.Unit.UserName);
        (await unit.GetAsync($"/Consultation/Discussions/Detail/{w.DiscussionId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var outsider = await WebSession.LoginAsync(w.App, w.OtherMember.UserName);
        (await outsider.GetAsync($"/Consultation/Discussions/Detail/{w.DiscussionId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_public_link_is_404_while_public_participation_is_off(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var token = (await w.DiscussionAsync()).Token;
        using var phone = new WebSession(w.App);
        (await phone.GetAsync($"/d/{token}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await phone.GetAsync("/d/aaaaaaaaaaaaaaaaaaaa")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Nor can the members' page be read without signing in.
        var members = await phone.GetAsync($"/Consultation/Discussions/Detail/{w.DiscussionId}");
        members.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        members.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_public_comments_likes_and_reports_through_the_token_link_as_the_public(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync(publicParticipation: true);
        var member = await w.PostAsync(w.Member, "委员的观点");
        var token = (await w.DiscussionAsync()).Token;
        var url = $"/d/{token}";
        using var phone = new WebSession(w.App);
        var page = await phone.GetPageAsync(url);
        page.ShouldContain("委员的观点");
        var stamp = WebUtility.HtmlDecode(StampPattern().Match(page).Groups[1].Value);

        var posted = await phone.PostFormAsync($"{url}?handler=Comment", new()
        {
            ["Input.Content"] = "我是附近居民，支持😀",
            ["Input.Name"] = "张阿姨",
            ["Input.ParentId"] = member.Id.ToString(),
            [PublicFormStamps.StampField] = stamp,
        }, url);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reply = (await w.CommentsAsync()).Single(c => c.Id != member.Id);
        (reply.IsPublic, reply.AuthorName, reply.AuthorUserId, reply.Content, reply.Depth, reply.Status).ShouldBe((true, "张阿姨", (Guid?)null, "我是附近居民，支持😀", 2, CommentStatus.Visible));
        reply.ClientHash.ShouldNotBeNullOrEmpty();

        var like = await phone.PostFormAsync($"{url}?handler=Like&commentId={member.Id}", [], url);
        like.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.CommentAsync(member.Id)).LikeCount.ShouldBe(1);
        var likers = await w.ReadAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(d.CommentLikes, l => l.CommentId == member.Id), l => l.LikerKey)));
        likers.ShouldBe([$"p:{reply.ClientHash}"]);

        var report = await phone.PostFormAsync($"{url}?handler=Report&commentId={member.Id}", [], url);
        report.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.CommentAsync(member.Id)).ReportCount.ShouldBe(1);

        // Without a stamp the comment form is refused; nothing more is stored.
        var forged = await phone.PostFormAsync($"{url}?handler=Comment", new() { ["Input.Content"] = "机器人" }, url);
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.Content.ReadAsStringAsync()).ShouldContain(PublicFormStamps.Refused);
        (await w.CommentsAsync()).Count.ShouldBe(2);

        // Switched off again: the link is gone.
        await w.SetPublicAsync(false);
        (await phone.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [GeneratedRegex("name=\"_stamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampPattern();
}
