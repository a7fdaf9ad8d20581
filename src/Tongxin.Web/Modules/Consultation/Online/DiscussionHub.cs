using Microsoft.AspNetCore.SignalR;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Modules.Consultation.Online;

/// <summary>A newly visible comment as the live page receives it.</summary>
/// <param name="Id">The comment.</param>
/// <param name="ParentId">The comment it answers (null for a root).</param>
/// <param name="Depth">1–3.</param>
/// <param name="AuthorName">显示名.</param>
/// <param name="IsPublic">A public participant (shown with 网友).</param>
/// <param name="Content">The cleaned text (the page inserts it as text, never as HTML).</param>
/// <param name="CreatedAt">UTC.</param>
public sealed record LiveComment(Guid Id, Guid? ParentId, int Depth, string AuthorName, bool IsPublic, string Content, DateTime CreatedAt);

/// <summary>网络议政直播 – SignalR hub at <c>/hubs/discussion</c>. A client joins one discussion's
/// group; joining is allowed for members, staff and leaders of a committee that may read it, and
/// for anyone holding the public token while public participation is on. The hub only sends:
/// comments are posted through the pages, where every rule applies.</summary>
public sealed class DiscussionHub(TongxinDbContext db, CommitteeTree tree) : Hub
{
    public const string Path = "/hubs/discussion";

    /// <summary>The client method that receives a <see cref="LiveComment"/>.</summary>
    public const string CommentMethod = "comment";

    public static string Group(Guid discussionId) => $"discussion:{discussionId:N}";

    /// <summary>Joins the live group of a discussion, or fails with a Chinese message.</summary>
    public async Task Join(Guid discussionId, string? token)
    {
        // A hub call has no request actor: the check reads the discussion by id (past the
        // committee filter) and decides from the connection's principal.
        if (!await DiscussionAccess.MayWatchAsync(db, tree, Context.User, discussionId, token, Context.ConnectionAborted))
        {
            throw new HubException("您无权查看该网络议政。");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(discussionId), Context.ConnectionAborted);
    }

    public Task Leave(Guid discussionId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(discussionId));
}

/// <summary>Sends newly visible comments to the discussion's live group.</summary>
public interface IDiscussionBroadcaster
{
    Task CommentVisibleAsync(Guid discussionId, LiveComment comment, CancellationToken ct = default);
}

/// <summary>The SignalR implementation. The fan-out to a live group (thousands of viewers during a
/// plenary) runs off the poster's request: the comment is stored and counted before this is called,
/// so the poster does not wait for every viewer's socket, and a failed send (a node going down) never
/// undoes a stored comment – it is logged, and the next page load shows the comment anyway.</summary>
public sealed class SignalRDiscussionBroadcaster(IHubContext<DiscussionHub> hub, ILogger<SignalRDiscussionBroadcaster> log) : IDiscussionBroadcaster
{
    public Task CommentVisibleAsync(Guid discussionId, LiveComment comment, CancellationToken ct = default)
    {
        // Not the request's token: the request may end before the last viewer is written to.
        _ = Task.Run(async () =>
        {
            try
            {
                await hub.Clients.Group(DiscussionHub.Group(discussionId)).SendAsync(DiscussionHub.CommentMethod, comment, CancellationToken.None);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "网络议政评论 {CommentId} 推送失败", comment.Id);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }
}
