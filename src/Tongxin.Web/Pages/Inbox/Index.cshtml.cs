using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Inbox;

/// <summary>消息 – the signed-in user's inbox: newest first, unread in bold, mark read, open the link.</summary>
public class IndexModel(NotificationService inbox) : PageModel
{
    public PagedList<InboxItem> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public int Unread { get; private set; }

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default)
    {
        Items = await inbox.InboxAsync(page, ct: ct);
        Unread = await inbox.UnreadCountAsync(ct);
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, int page = 1, CancellationToken ct = default)
    {
        await inbox.MarkReadAsync(id, ct);
        return RedirectToPage(new { page });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(ct);
        return RedirectToPage();
    }

    /// <summary>Following a message's link reads it.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        var item = await inbox.MarkReadAsync(id, ct);
        return item.Link is not null && NotificationService.IsLocalLink(item.Link) ? LocalRedirect(item.Link) : RedirectToPage();
    }
}
