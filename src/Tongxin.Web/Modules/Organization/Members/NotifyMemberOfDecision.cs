using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;

namespace Tongxin.Modules.Organization.Members;

/// <summary>Tells the member, in the inbox (and by email when configured), how staff decided on
/// their change request.</summary>
public sealed class NotifyMemberOfDecision(TongxinDbContext db, NotificationService notifications) : IEventHandler<ProfileChangeDecided>
{
    public async Task HandleAsync(ProfileChangeDecided e, EventContext ctx, CancellationToken ct)
    {
        var userIds = await db.Users.Where(u => u.MemberId == e.MemberId).Select(u => u.Id).ToListAsync(ct);
        if (userIds.Count == 0)
        {
            return;
        }

        var field = ProfileFields.DisplayName(e.Field);
        var (title, body) = e.Approved
            ? ($"您的信息修改申请已通过：{field}", $"您申请修改的“{field}”已审核通过并生效。")
            : ($"您的信息修改申请未通过：{field}", $"您申请修改的“{field}”未通过审核。理由：{e.Note}");
        await notifications.NotifyAsync(userIds, title, body, "/Profile", ct);
    }
}
