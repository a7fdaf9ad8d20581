using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>一码直达 – a 码上商 letter that reaches its handler (on arrival, or when moderation
/// releases it) puts a message in the responsible member's or staff account's inbox. Letters
/// waiting for moderation notify nobody yet.</summary>
public sealed class PointLetterNotifier(TongxinDbContext db, NotificationService notifications) : IEventHandler<PublicSubmissionReceived>
{
    public async Task HandleAsync(PublicSubmissionReceived e, EventContext ctx, CancellationToken ct)
    {
        if (e.Channel != PublicChannel.LiaisonPoint || e.Status != PublicSubmissionStatus.Received || e.LiaisonPointId is not { } pointId)
        {
            return;
        }

        var point = await db.LiaisonPoints.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Id == pointId)
            .Select(p => new { p.Name, p.ResponsibleMemberId, p.ResponsibleUserId })
            .FirstOrDefaultAsync(ct);
        if (point is null)
        {
            return;
        }

        var userIds = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled
                && ((point.ResponsibleUserId != null && u.Id == point.ResponsibleUserId)
                    || (point.ResponsibleMemberId != null && u.MemberId == point.ResponsibleMemberId)))
            .Select(u => u.Id)
            .ToListAsync(ct);
        var title = await db.PublicSubmissions.IgnoreQueryFilters().Where(s => s.Id == e.SubmissionId).Select(s => s.Title).FirstOrDefaultAsync(ct) ?? "";
        await notifications.NotifyAsync(
            userIds,
            $"码上商新来信：{point.Name}",
            $"群众通过“{point.Name}”二维码来信《{title}》，请及时处理。",
            $"/PublicChannels/Letters/Detail/{e.SubmissionId}",
            ct);
    }
}
