using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Online;

/// <summary>评论排序.</summary>
public enum CommentSort
{
    /// <summary>最新.</summary>
    Newest = 0,

    /// <summary>最热 (most liked).</summary>
    MostLiked = 1,
}

/// <summary>One comment as a page shows it; <see cref="Replies"/> holds its visible answers.</summary>
public sealed record CommentNode(
    Guid Id,
    Guid? ParentId,
    Guid RootId,
    int Depth,
    string AuthorName,
    bool IsPublic,
    string Content,
    int LikeCount,
    int ReplyCount,
    DateTime CreatedAt)
{
    public List<CommentNode> Replies { get; } = [];

    public bool LikedByMe { get; set; }
}

/// <summary>A page of root comments with their threads. <see cref="NextCursor"/> continues the newest
/// order; <see cref="NextPage"/> the most-liked order; null at the end.</summary>
public sealed record CommentPage(IReadOnlyList<CommentNode> Roots, string? NextCursor, int? NextPage);

/// <summary>A discussion in a list.</summary>
public sealed record DiscussionListItem(Guid Id, string Title, Guid? ActivityId, DiscussionStatus Status, bool PublicParticipation, int CommentCount, DateTime CreatedAt);

/// <summary>Reading a discussion fast at any size: root comments by keyset on
/// (CreatedAt desc, Id desc) – the index (DiscussionId, Status, ParentId, CreatedAt, Id) serves it
/// without OFFSET or COUNT – and the replies of the page's roots in one query by RootId.</summary>
public sealed class DiscussionQuery(TongxinDbContext db, IActorAccessor actors)
{
    public const int PageSize = 20;

    /// <summary>Most-liked pages go by OFFSET; they stop here (1,000 roots) to keep it cheap.</summary>
    public const int MaxLikedPages = 50;

    /// <summary>A thread's replies shown on a page at most (the rest are counted in ReplyCount).</summary>
    public const int MaxRepliesPerPage = 1000;

    public async Task<CommentPage> PageAsync(DiscussionRef discussion, CommentSort sort, string? before, int page, Participant? viewer, CancellationToken ct = default)
    {
        var roots = db.DiscussionComments.AsNoTracking()
            .Where(c => c.DiscussionId == discussion.Id && c.Status == CommentStatus.Visible && c.ParentId == null);
        List<CommentNode> items;
        if (sort == CommentSort.MostLiked)
        {
            page = Math.Clamp(page, 1, MaxLikedPages);
            items = await Project(roots
                    .OrderByDescending(c => c.LikeCount).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                    .Skip((page - 1) * PageSize))
                .Take(PageSize + 1)
                .ToListAsync(ct);
        }
        else
        {
            if (ParseCursor(before) is var (at, id))
            {
                // Guid ordering is the database's own on both sides of the comparison and in ORDER BY.
                roots = roots.Where(c => c.CreatedAt < at || (c.CreatedAt == at && c.Id.CompareTo(id) < 0));
            }

            items = await Project(roots.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id))
                .Take(PageSize + 1)
                .ToListAsync(ct);
        }

        var more = items.Count > PageSize;
        if (more)
        {
            items.RemoveAt(PageSize);
        }

        await AttachRepliesAsync(discussion.Id, items, ct);
        if (viewer is not null)
        {
            await MarkLikedAsync(items, viewer, ct);
        }

        return sort == CommentSort.MostLiked
            ? new CommentPage(items, null, more && page < MaxLikedPages ? page + 1 : null)
            : new CommentPage(items, more ? Cursor(items[^1]) : null, null);
    }

    /// <summary>The viewer's own comments waiting for moderation (shown to them as 待审核).</summary>
    public async Task<IReadOnlyList<CommentNode>> MyPendingAsync(DiscussionRef discussion, Participant viewer, CancellationToken ct = default)
    {
        var q = db.DiscussionComments.AsNoTracking().Where(c => c.DiscussionId == discussion.Id && c.Status == CommentStatus.Pending);
        q = viewer.UserId is { } uid ? q.Where(c => c.AuthorUserId == uid) : q.Where(c => c.ClientHash == viewer.ClientHash && c.IsPublic);
        return await Project(q.OrderByDescending(c => c.CreatedAt)).Take(10).ToListAsync(ct);
    }

    /// <summary>The discussions of the committees the actor may read, newest first.</summary>
    public Task<PagedList<DiscussionListItem>> ListAsync(int page, CancellationToken ct = default)
    {
        if (!DiscussionAccess.MayTakePart(actors.Actor))
        {
            throw new ForbiddenException("只有委员和政协工作人员可以参与网络议政。");
        }

        return db.Discussions.AsNoTracking()
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Select(d => new DiscussionListItem(d.Id, d.Title, d.ActivityId, d.Status, d.PublicParticipation, d.CommentCount, d.CreatedAt))
            .ToPagedListAsync(page, 20, ct);
    }

    /// <summary>The discussion of an activity, if one was opened and the actor may read it.</summary>
    public Task<DiscussionListItem?> ForActivityAsync(Guid activityId, CancellationToken ct = default) =>
        db.Discussions.AsNoTracking()
            .Where(d => d.ActivityId == activityId)
            .Select(d => new DiscussionListItem(d.Id, d.Title, d.ActivityId, d.Status, d.PublicParticipation, d.CommentCount, d.CreatedAt))
            .FirstOrDefaultAsync(ct);

    public static string Cursor(CommentNode last) =>
        string.Create(CultureInfo.InvariantCulture, $"{last.CreatedAt.Ticks}_{last.Id:N}");

    /// <summary>A malformed cursor is a bad request, not the first page: a client relying on it would loop.</summary>
    public static (DateTime At, Guid Id)? ParseCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        var parts = cursor.Split('_');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            && Guid.TryParseExact(parts[1], "N", out var id))
        {
            return (new DateTime(ticks, DateTimeKind.Utc), id);
        }

        throw new ValidationFailedException("before", "分页参数无效，请返回第一页。");
    }

    private async Task AttachRepliesAsync(Guid discussionId, List<CommentNode> roots, CancellationToken ct)
    {
        if (roots.Count == 0)
        {
            return;
        }

        var rootIds = roots.Select(r => r.Id).ToList();
        var replies = await Project(db.DiscussionComments.AsNoTracking()
                .Where(c => c.DiscussionId == discussionId && rootIds.Contains(c.RootId) && c.ParentId != null && c.Status == CommentStatus.Visible)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id))
            .Take(MaxRepliesPerPage)
            .ToListAsync(ct);
        var byId = roots.Concat(replies).ToDictionary(c => c.Id);
        foreach (var reply in replies)
        {
            // A reply whose parent is not on the page (its parent was hidden) is not shown either.
            if (reply.ParentId is { } pid && byId.TryGetValue(pid, out var parent))
            {
                parent.Replies.Add(reply);
            }
        }
    }

    private async Task MarkLikedAsync(List<CommentNode> roots, Participant viewer, CancellationToken ct)
    {
        var all = roots.SelectMany(Flatten).ToList();
        var ids = all.Select(c => c.Id).ToList();
        var liked = (await db.CommentLikes.AsNoTracking()
            .Where(l => l.LikerKey == viewer.Key && ids.Contains(l.CommentId))
            .Select(l => l.CommentId)
            .ToListAsync(ct)).ToHashSet();
        all.ForEach(c => c.LikedByMe = liked.Contains(c.Id));
    }

    private static IEnumerable<CommentNode> Flatten(CommentNode node) => node.Replies.SelectMany(Flatten).Prepend(node);

    private static IQueryable<CommentNode> Project(IQueryable<DiscussionComment> q) =>
        q.Select(c => new CommentNode(c.Id, c.ParentId, c.RootId, c.Depth, c.AuthorName, c.IsPublic, c.Content, c.LikeCount, c.ReplyCount, c.CreatedAt));
}
