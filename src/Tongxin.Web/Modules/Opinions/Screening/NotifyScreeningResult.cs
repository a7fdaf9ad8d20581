using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;

namespace Tongxin.Modules.Opinions.Screening;

/// <summary>Tells the authors the screening result in their inbox. A 转提案线索 notice links to the
/// proposal draft page prefilled from the report ("据此起草提案"); the others to the report.</summary>
public sealed class NotifyScreeningResult(TongxinDbContext db, NotificationService notifications) : IEventHandler<OpinionChanged>
{
    public async Task HandleAsync(OpinionChanged e, EventContext ctx, CancellationToken ct)
    {
        var title = e.Action switch
        {
            OpinionAction.Adopt => "社情民意信息已采用",
            OpinionAction.Keep => "社情民意信息已留存",
            OpinionAction.Reject => "社情民意信息未采用",
            OpinionAction.Return => "社情民意信息退回补充",
            OpinionAction.MarkProposalClue => "社情民意信息转为提案线索",
            _ => null,
        };
        var members = e.RecipientMemberIds.ToList();
        if (title is null || members.Count == 0)
        {
            return;
        }

        var users = await db.Users.Where(u => u.MemberId != null && members.Contains(u.MemberId.Value) && !u.IsDisabled)
            .Select(u => u.Id).ToListAsync(ct);
        var link = e.Action == OpinionAction.MarkProposalClue ? ProposalClue.DraftLink(e.ReportId) : $"/Opinions/Detail/{e.ReportId}";
        await notifications.NotifyAsync(users, title, e.Summary, link, ct);
    }
}
