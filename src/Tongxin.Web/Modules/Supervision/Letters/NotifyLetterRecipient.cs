using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;

namespace Tongxin.Modules.Supervision.Letters;

/// <summary>Tells the department a letter was sent to: the accounts of its handling unit get an inbox
/// notice linking to the letter. A letter addressed by name only (no unit record) reaches the
/// department on paper, so nobody is notified.</summary>
public sealed class NotifyLetterRecipient(TongxinDbContext db, NotificationService notifications) : IEventHandler<SupervisionLetterSent>
{
    public async Task HandleAsync(SupervisionLetterSent e, EventContext ctx, CancellationToken ct)
    {
        var letter = await db.SupervisionLetters.AsNoTracking().Where(l => l.Id == e.LetterId)
            .Select(l => new { l.HandlingUnitId, l.Title, l.Year, l.Number }).FirstOrDefaultAsync(ct);
        if (letter?.HandlingUnitId is not { } unitId)
        {
            return;
        }

        var users = await db.Users.Where(u => !u.IsDisabled && u.CommitteeId == e.CommitteeId && u.HandlingUnitId == unitId)
            .Select(u => u.Id).ToListAsync(ct);
        if (users.Count == 0)
        {
            return;
        }

        await notifications.NotifyAsync(users, "收到民主监督建议书",
            $"《{letter.Title}》（{LetterNumber.Format(letter.Year, letter.Number)}）已送达贵单位，请研究办理并反馈意见。",
            $"/Supervision/Letters/Detail/{e.LetterId}", ct);
    }
}
