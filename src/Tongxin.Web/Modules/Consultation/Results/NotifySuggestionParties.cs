using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;

namespace Tongxin.Modules.Consultation.Results;

/// <summary>Tells the people a suggestion's step concerns in their inbox: on 交办 the unit's accounts
/// (the event names the unit) and the member who raised it; on 答复 and 办结 the member.</summary>
public sealed class NotifySuggestionParties(TongxinDbContext db, NotificationService notifications) : IEventHandler<ConsultationSuggestionChanged>
{
    public async Task HandleAsync(ConsultationSuggestionChanged e, EventContext ctx, CancellationToken ct)
    {
        var members = e.RecipientMemberIds.ToList();
        var unitId = e.HandlingUnitId;
        var users = await db.Users
            .Where(u => !u.IsDisabled && u.CommitteeId == e.CommitteeId
                && ((u.MemberId != null && members.Contains(u.MemberId.Value)) || (unitId != null && u.HandlingUnitId == unitId)))
            .Select(u => u.Id).ToListAsync(ct);
        if (users.Count == 0)
        {
            return;
        }

        await notifications.NotifyAsync(users, Title(e.Status), e.Summary, $"/Consultation/Results/Suggestion/{e.SuggestionId}", ct);
    }

    public static string Title(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Assigned => "意见建议已交办",
        SuggestionStatus.Answered => "意见建议已答复",
        SuggestionStatus.Closed => "意见建议已办结",
        _ => "意见建议有新进展",
    };
}
