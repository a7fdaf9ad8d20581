using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Platform.Notifications;

/// <summary>A notification was put in a user's inbox and should also go out by email.</summary>
public sealed record NotificationCreated(Guid NotificationId, Guid UserId) : IDomainEvent;

/// <summary>One line of the inbox.</summary>
public sealed record InboxItem(Guid Id, string Title, string Body, string? Link, DateTime CreatedAt, bool IsRead);

/// <summary>消息通知 – puts messages in users' in-app inboxes (and, when SMTP is configured, has them
/// emailed after commit), and lets each user read and mark only their own.</summary>
public sealed class NotificationService(TongxinDbContext db, TimeProvider time, IOptions<TongxinOptions> options)
{
    public const int MaxTitleLength = 200;

    /// <summary>Adds one message per distinct user and saves. Called by modules and event handlers,
    /// not by users, so it checks content, not permissions.</summary>
    public async Task NotifyAsync(IEnumerable<Guid> userIds, string title, string body, string? link = null, CancellationToken ct = default)
    {
        new Validation()
            .NotBlank(title, "title", "标题")
            .MaxLength(title, MaxTitleLength, "title", "标题")
            .Require(link is null || IsLocalLink(link), "link", "链接必须是本站地址。")
            .ThrowIfInvalid();
        var emailOn = !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var userId in userIds.Distinct())
        {
            var notification = new Notification { UserId = userId, Title = title.Trim(), Body = body, Link = link, CreatedAt = now };
            db.Notifications.Add(notification);
            if (emailOn)
            {
                db.Raise(new NotificationCreated(notification.Id, userId));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The signed-in user's messages, newest first.</summary>
    public async Task<PagedList<InboxItem>> InboxAsync(int page, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        var userId = CurrentUserId();
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new InboxItem(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToPagedListAsync(page, pageSize, ct);
    }

    public Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var userId = CurrentUserId();
        return db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
    }

    /// <summary>Marks one of the user's own messages read and returns it; someone else's is "not found".</summary>
    public async Task<InboxItem> MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        var userId = CurrentUserId();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct)
            ?? throw new NotFoundException("消息");
        if (notification.ReadAt is null)
        {
            notification.ReadAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        return new InboxItem(notification.Id, notification.Title, notification.Body, notification.Link, notification.CreatedAt, true);
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var userId = CurrentUserId();
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Notifications
            .Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    /// <summary>Only paths on this site, so a message can never send a user elsewhere.</summary>
    public static bool IsLocalLink(string link) =>
        link.StartsWith('/') && !link.StartsWith("//") && !link.StartsWith("/\\");

    private Guid CurrentUserId() => db.Actor.UserId ?? throw new ForbiddenException("请先登录。");
}
