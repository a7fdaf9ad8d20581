using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;

namespace Tongxin.Platform.Notifications;

/// <summary>The unread count beside the user's name in the header.</summary>
public sealed class InboxBadgeViewComponent(TongxinDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = db.Actor.UserId;
        var unread = userId is null ? 0 : await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
        return View(unread);
    }
}
