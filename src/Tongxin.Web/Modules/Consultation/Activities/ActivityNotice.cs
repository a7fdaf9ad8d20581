using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;

namespace Tongxin.Modules.Consultation.Activities;

/// <summary>活动消息 – members to be told about an activity (published, invited, cancelled, leave
/// decided). Raised in the save that made the change, so a rolled-back change tells nobody.</summary>
public sealed record ActivityNotice(Guid ActivityId, Guid CommitteeId, string Title, string Body, IReadOnlyList<Guid> MemberIds) : IDomainEvent;

/// <summary>Puts an <see cref="ActivityNotice"/> in the inboxes of the members' enabled accounts, linking to the activity.</summary>
public sealed class NotifyActivityMembers(TongxinDbContext db, NotificationService notifications) : IEventHandler<ActivityNotice>
{
    public async Task HandleAsync(ActivityNotice e, EventContext ctx, CancellationToken ct)
    {
        var members = e.MemberIds.ToList();
        var users = await db.Users.Where(u => u.MemberId != null && members.Contains(u.MemberId.Value) && !u.IsDisabled)
            .Select(u => u.Id).ToListAsync(ct);
        if (users.Count > 0)
        {
            await notifications.NotifyAsync(users, e.Title, e.Body, $"/Consultation/Activities/Detail/{e.ActivityId}", ct);
        }
    }
}
