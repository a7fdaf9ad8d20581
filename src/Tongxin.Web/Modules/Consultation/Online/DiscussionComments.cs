using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Online;

/// <summary>The outcome of a post: visible at once, or 待审核 (a sensitive word matched).</summary>
public sealed record PostedComment(Guid Id, CommentStatus Status);

/// <summary>评论、点赞、举报 – every write of a participant. Counters live on the rows
/// (<see cref="Discussion.CommentCount"/>, <see cref="DiscussionComment.ReplyCount"/>, LikeCount,
/// ReportCount) and move by atomic increments in the transaction that stores the row, so two
/// writers at the same moment never lose one and no page counts the table. Likes and reports are
/// once per participant key: the unique index decides a race.</summary>
public sealed class DiscussionComments(TongxinDbContext db, SensitiveWordFilter words, IDiscussionBroadcaster live, TimeProvider time)
{
    public const int MaxContent = 1000;
    public const int MaxName = 20;
    public const int MaxDepth = 3;
    public const int MaxReason = 200;

    /// <summary>Reports that hide a visible comment until a moderator looks at it.</summary>
    public const int HideAtReports = 3;

    public const string TooDeep = "评论最多三层，不能再回复这条评论。";
    public const string Closed = "本次网络议政已结束，不能再发表评论。";
    public const string AlreadyReported = "您已举报过这条评论，我们会尽快处理。";

    /// <summary>Stores a comment (or a reply) of <paramref name="who"/> in a discussion loaded through
    /// <see cref="DiscussionAccess"/>. <paramref name="publicName"/> is the display name a public
    /// participant typed (signed-in authors are named from their account).</summary>
    public async Task<PostedComment> PostAsync(DiscussionRef discussion, Participant who, Guid? parentId, string? text, string? publicName, CancellationToken ct = default)
    {
        if (discussion.Status == DiscussionStatus.Closed)
        {
            throw new ConflictException(Closed);
        }

        var content = PublicText.Block(text);
        var name = who.IsPublic ? PublicText.Line(publicName) : "";
        var v = new Validation().Text(content, MaxContent, "Content", "评论内容");
        if (who.IsPublic)
        {
            v.Text(name, MaxName, "Name", "昵称", required: false);
        }

        v.ThrowIfInvalid();
        var parent = parentId is { } pid
            ? await db.DiscussionComments.AsNoTracking()
                .Where(c => c.Id == pid && c.DiscussionId == discussion.Id && c.Status == CommentStatus.Visible)
                .Select(c => new { c.Id, c.RootId, c.Depth })
                .FirstOrDefaultAsync(ct) ?? throw new ValidationFailedException("ParentId", "要回复的评论不存在或已被隐藏。")
            : null;
        if (parent is { Depth: >= MaxDepth })
        {
            throw new ValidationFailedException("ParentId", TooDeep);
        }

        var author = who.UserId is { } uid
            ? await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "委员"
            : name.Length == 0 ? "网友" : name;
        var matched = await words.MatchAsync(discussion.CommitteeId, [content, name], ct);
        var comment = new DiscussionComment
        {
            CommitteeId = discussion.CommitteeId,
            DiscussionId = discussion.Id,
            ParentId = parent?.Id,
            Depth = parent is null ? 1 : parent.Depth + 1,
            AuthorUserId = who.UserId,
            AuthorName = author,
            IsPublic = who.IsPublic,
            ClientHash = who.ClientHash,
            Content = content,
            Status = matched.Count > 0 ? CommentStatus.Pending : CommentStatus.Visible,
            MatchedWords = matched.Count > 0 ? string.Join("，", matched) : null,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        comment.RootId = parent?.RootId ?? comment.Id;

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.DiscussionComments.Add(comment);
            await db.SaveChangesAsync(ct);
            if (comment.Status == CommentStatus.Visible)
            {
                await CountVisibleAsync(discussion.Id, comment.ParentId, +1, ct);
            }

            await tx.CommitAsync(ct);
        }

        if (comment.Status == CommentStatus.Visible)
        {
            await live.CommentVisibleAsync(discussion.Id, ToLive(comment), ct);
        }

        return new PostedComment(comment.Id, comment.Status);
    }

    /// <summary>点赞 – once per participant; liking again changes nothing. Returns the new count.</summary>
    public async Task<int> LikeAsync(DiscussionRef discussion, Participant who, Guid commentId, CancellationToken ct = default)
    {
        var comment = await VisibleCommentAsync(discussion, commentId, ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.CommentLikes.Add(new CommentLike { CommitteeId = discussion.CommitteeId, CommentId = comment, LikerKey = who.Key, CreatedAt = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Liked before (or a second click at the same moment): the unique index kept one.
                db.ChangeTracker.Clear();
                await tx.RollbackAsync(ct);
                return await LikeCountAsync(comment, ct);
            }

            await db.DiscussionComments.Where(c => c.Id == comment)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.LikeCount, c => c.LikeCount + 1), ct);
            await tx.CommitAsync(ct);
        }

        return await LikeCountAsync(comment, ct);
    }

    /// <summary>取消点赞 – takes the participant's like back (nothing when there was none).</summary>
    public async Task<int> UnlikeAsync(DiscussionRef discussion, Participant who, Guid commentId, CancellationToken ct = default)
    {
        var comment = await VisibleCommentAsync(discussion, commentId, ct);
        var like = await db.CommentLikes.FirstOrDefaultAsync(l => l.CommentId == comment && l.LikerKey == who.Key, ct);
        if (like is not null)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.CommentLikes.Remove(like);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Taken back by a second click at the same moment: already counted down there.
                db.ChangeTracker.Clear();
                await tx.RollbackAsync(ct);
                return await LikeCountAsync(comment, ct);
            }

            await db.DiscussionComments.Where(c => c.Id == comment)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.LikeCount, c => c.LikeCount - 1), ct);
            await tx.CommitAsync(ct);
        }

        return await LikeCountAsync(comment, ct);
    }

    /// <summary>举报 – once per participant; at <see cref="HideAtReports"/> open reports a visible
    /// comment is hidden until a moderator releases it.</summary>
    public async Task ReportAsync(DiscussionRef discussion, Participant who, Guid commentId, string? reason, CancellationToken ct = default)
    {
        var text = PublicText.Line(reason);
        new Validation().Text(text, MaxReason, "Reason", "举报理由", required: false).ThrowIfInvalid();
        var comment = await VisibleCommentAsync(discussion, commentId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CommentReports.Add(new CommentReport
        {
            CommitteeId = discussion.CommitteeId,
            CommentId = comment,
            ReporterKey = who.Key,
            Reason = text,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await tx.RollbackAsync(ct);
            throw new ConflictException(AlreadyReported);
        }

        await db.DiscussionComments.Where(c => c.Id == comment)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ReportCount, c => c.ReportCount + 1), ct);
        // Conditional: of two reports arriving together only one turns the comment hidden and
        // counts it out.
        var hidden = await db.DiscussionComments
            .Where(c => c.Id == comment && c.Status == CommentStatus.Visible && c.ReportCount >= HideAtReports)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CommentStatus.Hidden), ct);
        if (hidden == 1)
        {
            var parentId = await db.DiscussionComments.Where(c => c.Id == comment).Select(c => c.ParentId).FirstAsync(ct);
            await CountVisibleAsync(discussion.Id, parentId, -1, ct);
            db.Audit("网络议政.举报隐藏", nameof(DiscussionComment), comment.ToString(), "成功", $"举报达到{HideAtReports}次，评论已隐藏待审核");
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Moves the visible counters of the discussion and the parent by <paramref name="delta"/>.</summary>
    internal async Task CountVisibleAsync(Guid discussionId, Guid? parentId, int delta, CancellationToken ct)
    {
        await db.Discussions.Where(d => d.Id == discussionId)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.CommentCount, d => d.CommentCount + delta), ct);
        if (parentId is { } pid)
        {
            await db.DiscussionComments.Where(c => c.Id == pid)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.ReplyCount, c => c.ReplyCount + delta), ct);
        }
    }

    internal static LiveComment ToLive(DiscussionComment c) =>
        new(c.Id, c.ParentId, c.Depth, c.AuthorName, c.IsPublic, c.Content, c.CreatedAt);

    private async Task<Guid> VisibleCommentAsync(DiscussionRef discussion, Guid commentId, CancellationToken ct) =>
        await db.DiscussionComments.AsNoTracking()
            .Where(c => c.Id == commentId && c.DiscussionId == discussion.Id && c.Status == CommentStatus.Visible)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("评论");

    private Task<int> LikeCountAsync(Guid commentId, CancellationToken ct) =>
        db.DiscussionComments.AsNoTracking().Where(c => c.Id == commentId).Select(c => c.LikeCount).FirstAsync(ct);
}
