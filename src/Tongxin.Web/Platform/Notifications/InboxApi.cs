using Tongxin.Platform.Web;

namespace Tongxin.Platform.Notifications;

/// <summary><c>/api/v1/inbox</c>: the signed-in user's messages.</summary>
public static class InboxApi
{
    public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Page, int PageSize, int Total, int Unread);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/inbox", async (NotificationService inbox, int? page, int? pageSize, CancellationToken ct) =>
            {
                var list = await inbox.InboxAsync(page ?? 1, pageSize ?? Paging.DefaultPageSize, ct);
                return new InboxPage(list.Items, list.Page, list.PageSize, list.Total, await inbox.UnreadCountAsync(ct));
            })
            .RequireSignedIn()
            .WithName("GetInbox")
            .WithSummary("我的消息（最新在前，分页）");

        api.MapPost("/inbox/{id:guid}/read", async (NotificationService inbox, Guid id, CancellationToken ct) =>
            {
                await inbox.MarkReadAsync(id, ct);
                return Results.NoContent();
            })
            .RequireSignedIn()
            .WithName("MarkInboxItemRead")
            .WithSummary("将一条消息标为已读");
    }
}
