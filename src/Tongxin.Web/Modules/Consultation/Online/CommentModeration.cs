using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Online;

/// <summary>One comment in the moderation queue.</summary>
public sealed record ModerationRow(
    Guid Id,
    Guid DiscussionId,
    string DiscussionTitle,
    string AuthorName,
    bool IsPublic,
    string Content,
    CommentStatus Status,
    string? MatchedWords,
    int ReportCount,
    int OpenReports,
    DateTime CreatedAt);

/// <summary>评论审核 – staff with 协商议政 see their committee's pending (sensitive word) and reported
/// comments, release them (shown, broadcast live), hide them, or dismiss the reports.</summary>
public sealed class CommentModeration(TongxinDbContext db, IActorAccessor actors, DiscussionComments comments, IDiscussionBroadcaster live)
{
    private Actor Actor => actors.Actor;

    /// <summary>The queue, oldest first: pending comments and comments with open reports.</summary>
    public async Task<PagedList<ModerationRow>> QueueAsync(int page, CancellationToken ct = default)
    {
        RequireModerator();
        var committeeId = Actor.CommitteeId!.Value;
        return await db.DiscussionComments.AsNoTracking()
            .Where(c => c.CommitteeId == committeeId
                && (c.Status == CommentStatus.Pending
                    || db.CommentReports.Any(r => r.CommentId == c.Id && !r.Resolved)))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new ModerationRow(
                c.Id,
                c.DiscussionId,
                db.Discussions.Where(d => d.Id == c.DiscussionId).Select(d => d.Title).FirstOrDefault() ?? "",
                c.AuthorName,
                c.IsPublic,
                c.Content,
                c.Status,
                c.MatchedWords,
                c.ReportCount,
                db.CommentReports.Count(r => r.CommentId == c.Id && !r.Resolved),
                c.CreatedAt))
            .ToPagedListAsync(page, 20, ct);
    }

    /// <summary>通过 – the comment is shown (and sent to live viewers); its reports are closed.</summary>
    public Task ReleaseAsync(Guid commentId, CancellationToken ct = default) =>
        DecideAsync(commentId, CommentStatus.Visible, "网络议政.评论通过", ct);

    /// <summary>隐藏 – the comment disappears from the discussion; its reports are closed.</summary>
    public Task HideAsync(Guid commentId, CancellationToken ct = default) =>
        DecideAsync(commentId, CommentStatus.Hidden, "网络议政.评论隐藏", ct);

    /// <summary>驳回举报 – the reports are closed, the comment stays as it is.</summary>
    public async Task DismissReportsAsync(Guid commentId, CancellationToken ct = default)
    {
        var comment = await LoadAsync(commentId, ct);
        await ResolveReportsAsync(comment.Id, ct);
        db.Audit("网络议政.驳回举报", nameof(DiscussionComment), comment.Id.ToString(), "成功");
        await db.SaveConsultationAsync(ct);
    }

    private async Task DecideAsync(Guid commentId, CommentStatus to, string action, CancellationToken ct)
    {
        var comment = await LoadAsync(commentId, ct);
        var from = comment.Status;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            comment.Status = to;
            await ResolveReportsAsync(comment.Id, ct);
            db.Audit(action, nameof(DiscussionComment), comment.Id.ToString(), "成功", comment.MatchedWords ?? "");
            await db.SaveConsultationAsync(ct);
            if (from != to && (from == CommentStatus.Visible || to == CommentStatus.Visible))
            {
                await comments.CountVisibleAsync(comment.DiscussionId, comment.ParentId, to == CommentStatus.Visible ? +1 : -1, ct);
            }

            await tx.CommitAsync(ct);
        }

        if (from != CommentStatus.Visible && to == CommentStatus.Visible)
        {
            await live.CommentVisibleAsync(comment.DiscussionId, DiscussionComments.ToLive(comment), ct);
        }
    }

    private async Task ResolveReportsAsync(Guid commentId, CancellationToken ct)
    {
        foreach (var report in await db.CommentReports.Where(r => r.CommentId == commentId && !r.Resolved).ToListAsync(ct))
        {
            report.Resolved = true;
        }
    }

    private async Task<DiscussionComment> LoadAsync(Guid commentId, CancellationToken ct)
    {
        RequireModerator();
        var comment = await db.DiscussionComments.FirstOrDefaultAsync(c => c.Id == commentId, ct) ?? throw new NotFoundException("评论");
        if (!Actor.CanWrite(comment.CommitteeId))
        {
            throw new ForbiddenException("只能审核本级政协网络议政的评论。");
        }

        return comment;
    }

    private void RequireModerator()
    {
        if (!DiscussionAccess.IsModerator(Actor) || Actor.CommitteeId is null)
        {
            throw new ForbiddenException("只有具有协商议政管理权限的工作人员可以审核评论。");
        }
    }
}
