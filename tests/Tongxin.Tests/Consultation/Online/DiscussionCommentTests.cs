using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Online;

/// <summary>网络议政 comments: threads up to depth 3, counters on the rows, likes once, reports,
/// sensitive words and moderation.</summary>
public class DiscussionCommentTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Replies_thread_to_depth_three_and_a_fourth_level_is_refused_in_chinese(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var root = await w.PostAsync(w.Member, "建议增设社区食堂");
        var reply = await w.PostAsync(w.Staff, "已记录，会转交相关部门", root.Id);
        var third = await w.PostAsync(w.Leader, "请尽快调研", reply.Id);

        var refused = await Should.ThrowAsync<ValidationFailedException>(() => w.PostAsync(w.Member, "第四层", third.Id));
        refused.Errors["ParentId"].ShouldBe([DiscussionComments.TooDeep]);

        var rows = (await w.CommentsAsync()).ToDictionary(c => c.Id);
        rows.Count.ShouldBe(3);
        (rows[root.Id].Depth, rows[root.Id].RootId, rows[root.Id].ParentId).ShouldBe((1, root.Id, (Guid?)null));
        (rows[reply.Id].Depth, rows[reply.Id].RootId, rows[reply.Id].ParentId).ShouldBe((2, root.Id, (Guid?)root.Id));
        (rows[third.Id].Depth, rows[third.Id].RootId, rows[third.Id].ParentId).ShouldBe((3, root.Id, (Guid?)reply.Id));
        rows[third.Id].AuthorName.ShouldBe("测试领导");
        rows[third.Id].IsPublic.ShouldBeFalse();

        // The page shows the thread under its root, loaded with the roots' page.
        var page = await w.App.AsAsync(w.Member.Actor, async sp =>
        {
            var access = sp.GetRequiredService<DiscussionAccess>();
            return await sp.GetRequiredService<DiscussionQuery>().PageAsync(await access.LoadForReaderAsync(w.DiscussionId), CommentSort.Newest, null, 1, access.SignedIn());
        });
        var shown = page.Roots.ShouldHaveSingleItem();
        shown.Id.ShouldBe(root.Id);
        shown.Replies.ShouldHaveSingleItem().Id.ShouldBe(reply.Id);
        shown.Replies[0].Replies.ShouldHaveSingleItem().Id.ShouldBe(third.Id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Counters_follow_posts_hides_and_releases(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var root = await w.PostAsync(w.Member, "根评论");
        var a = await w.PostAsync(w.Staff, "回复一", root.Id);
        await w.PostAsync(w.Leader, "回复二", root.Id);
        (await w.DiscussionAsync()).CommentCount.ShouldBe(3);
        (await w.CommentAsync(root.Id)).ReplyCount.ShouldBe(2);

        await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<CommentModeration>().HideAsync(a.Id));
        (await w.DiscussionAsync()).CommentCount.ShouldBe(2);
        (await w.CommentAsync(root.Id)).ReplyCount.ShouldBe(1);
        (await w.CommentAsync(a.Id)).Status.ShouldBe(CommentStatus.Hidden);

        await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<CommentModeration>().ReleaseAsync(a.Id));
        (await w.DiscussionAsync()).CommentCount.ShouldBe(3);
        (await w.CommentAsync(root.Id)).ReplyCount.ShouldBe(2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_like_counts_once_even_when_sent_twice_at_the_same_moment_and_can_be_taken_back(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var c = await w.PostAsync(w.Member, "点赞测试");

        var counts = await Task.WhenAll(w.LikeAsync(w.Staff, c.Id), w.LikeAsync(w.Staff, c.Id));
        counts.ShouldAllBe(n => n == 1);
        (await w.LikeAsync(w.Staff, c.Id)).ShouldBe(1);
        (await w.LikeAsync(w.Leader, c.Id)).ShouldBe(2);
        (await w.CommentAsync(c.Id)).LikeCount.ShouldBe(2);
        (await w.ReadAsync(d => d.CommentLikes.Where(l => l.CommentId == c.Id).Select(l => l.LikerKey).OrderBy(k => k).ToListAsync()))
            .ShouldBe(new[] { $"u:{w.Staff.Id}", $"u:{w.Leader.Id}" }.Order().ToList());

        var after = await w.App.AsAsync(w.Staff.Actor, async sp =>
        {
            var access = sp.GetRequiredService<DiscussionAccess>();
            var comments = sp.GetRequiredService<DiscussionComments>();
            var d = await access.LoadForWriterAsync(w.DiscussionId);
            await comments.UnlikeAsync(d, access.SignedIn(), c.Id);
            return await comments.UnlikeAsync(d, access.SignedIn(), c.Id);
        });
        after.ShouldBe(1);
        (await w.CommentAsync(c.Id)).LikeCount.ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Three_reports_hide_a_comment_until_a_moderator_releases_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewOnlineWorldAsync();
        var c = await w.PostAsync(w.Member, "有争议的评论");
        var reply = await w.PostAsync(w.Leader, "回复", c.Id);
        var fourth = await app.NewUserAsync(w.Committee, Tongxin.Platform.Accounts.Roles.Member);

        await w.ReportAsync(w.Staff, reply.Id);
        var again = await Should.ThrowAsync<ConflictException>(() => w.ReportAsync(w.Staff, reply.Id));
        again.Message.ShouldBe(DiscussionComments.AlreadyReported);
        await w.ReportAsync(w.Member, reply.Id);
        (await w.CommentAsync(reply.Id)).Status.ShouldBe(CommentStatus.Visible);
        await w.ReportAsync(fourth, reply.Id);

        var hidden = await w.CommentAsync(reply.Id);
        (hidden.Status, hidden.ReportCount).ShouldBe((CommentStatus.Hidden, 3));
        (await w.DiscussionAsync()).CommentCount.ShouldBe(1);
        (await w.CommentAsync(c.Id)).ReplyCount.ShouldBe(0);
        await Should.ThrowAsync<NotFoundException>(() => w.ReportAsync(w.Leader, reply.Id));

        var queue = await app.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<CommentModeration>().QueueAsync(1));
        var item = queue.Items.ShouldHaveSingleItem();
        (item.Id, item.OpenReports, item.Status).ShouldBe((reply.Id, 3, CommentStatus.Hidden));

        await app.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<CommentModeration>().ReleaseAsync(reply.Id));
        (await w.CommentAsync(reply.Id)).Status.ShouldBe(CommentStatus.Visible);
        (await w.DiscussionAsync()).CommentCount.ShouldBe(2);
        (await w.ReadAsync(d => d.CommentReports.Where(r => r.CommentId == reply.Id).AllAsync(r => r.Resolved))).ShouldBeTrue();
        (await app.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<CommentModeration>().QueueAsync(1))).Total.ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_sensitive_word_holds_the_comment_for_moderation_and_it_is_broadcast_only_when_released(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var sent = new List<LiveComment>();
        await using var capture = await LiveCapture.StartAsync(w, sent);

        var held = await w.PostAsync(w.Member, $"这里有{OnlineWorld.SensitiveWord}的内容");
        held.Status.ShouldBe(CommentStatus.Pending);
        var row = await w.CommentAsync(held.Id);
        (row.Status, row.MatchedWords).ShouldBe((CommentStatus.Pending, OnlineWorld.SensitiveWord));
        (await w.DiscussionAsync()).CommentCount.ShouldBe(0);

        var visible = await w.PostAsync(w.Member, "正常的评论");
        await capture.WaitForAsync(visible.Id);
        sent.ShouldNotContain(x => x.Id == held.Id);

        await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<CommentModeration>().ReleaseAsync(held.Id));
        await capture.WaitForAsync(held.Id);
        (await w.DiscussionAsync()).CommentCount.ShouldBe(2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_input_is_refused_in_chinese_and_nothing_is_stored(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        foreach (var bad in new[] { "", "   ", "\u0007\u0008\u202E", new string('长', DiscussionComments.MaxContent + 1), string.Concat(Enumerable.Repeat("😀", DiscussionComments.MaxContent + 1)) })
        {
            var e = await Should.ThrowAsync<ValidationFailedException>(() => w.PostAsync(w.Member, bad));
            e.Errors["Content"].ShouldHaveSingleItem().ShouldMatch("评论内容(不能为空|不能超过1000个字)。");
        }

        await Should.ThrowAsync<ValidationFailedException>(() => w.PostAsync(w.Member, "回复不存在的评论", Guid.NewGuid()));
        (await w.CommentsAsync()).ShouldBeEmpty();

        // Emoji and markup are text: stored as typed (control characters removed), shown escaped.
        var ok = await w.PostAsync(w.Member, "好主意😀\u0007<script>alert(1)</script>");
        (await w.CommentAsync(ok.Id)).Content.ShouldBe("好主意😀<script>alert(1)</script>");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_closed_discussion_takes_no_more_comments(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<DiscussionAdmin>().SetStatusAsync(w.DiscussionId, DiscussionStatus.Closed));
        var e = await Should.ThrowAsync<ConflictException>(() => w.PostAsync(w.Member, "晚到的评论"));
        e.Message.ShouldBe(DiscussionComments.Closed);
        (await w.CommentsAsync()).ShouldBeEmpty();
    }
}
