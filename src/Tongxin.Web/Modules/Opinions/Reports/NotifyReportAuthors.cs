using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>Tells the members a report action concerns (the event's recipients: usually its
/// authors) in their inbox: sign-off, publication, outcomes, and co-authors of
/// a joint report when it is submitted or withdrawn. Internal steps (editing, bulletin drafts) tell nobody; screening results are told by
/// <see cref="Screening.NotifyScreeningResult"/> (its 转提案线索 notice links to the prefilled proposal draft).</summary>
public sealed class NotifyReportAuthors(TongxinDbContext db, NotificationService notifications) : IEventHandler<OpinionChanged>
{
    public async Task HandleAsync(OpinionChanged e, EventContext ctx, CancellationToken ct)
    {
        if (Title(e.Action) is not { } title || e.RecipientMemberIds.Count == 0)
        {
            return;
        }

        var members = e.RecipientMemberIds.ToList();
        var users = await db.Users.Where(u => u.MemberId != null && members.Contains(u.MemberId.Value) && !u.IsDisabled)
            .Select(u => u.Id).ToListAsync(ct);
        await notifications.NotifyAsync(users, title, e.Summary, $"/Opinions/Detail/{e.ReportId}", ct);
    }

    public static string? Title(OpinionAction action) => action switch
    {
        OpinionAction.Submit => "联名社情民意已报送",
        OpinionAction.Withdraw => "联名社情民意已撤回",
        OpinionAction.SignOff => "社情民意已签发",
        OpinionAction.Publish => "社情民意已刊发",
        OpinionAction.RecordOutcome => "社情民意采用与批示",
        OpinionAction.Forward => "社情民意已上报",
        OpinionAction.Transfer => "社情民意已转办",
        _ => null,
    };
}
