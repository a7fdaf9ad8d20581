using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Review;

/// <summary>Tells the members and units a proposal action concerns, in the inbox (and by email
/// when configured): co-sign requests, returned, filed / not filed / merged, assigned, deadline
/// approaching, overdue, reply ready for rating.</summary>
public sealed class NotifyProposalParties(TongxinDbContext db, NotificationService notifications) : IEventHandler<ProposalChanged>
{
    public async Task HandleAsync(ProposalChanged e, EventContext ctx, CancellationToken ct)
    {
        var members = e.RecipientMemberIds.ToList();
        var units = e.RecipientUnitIds.ToList();
        var staffAnswers = e.Kind is ProposalEventKind.ReturnRequested or ProposalEventKind.ReplySubmitted;
        if (members.Count == 0 && units.Count == 0 && !staffAnswers)
        {
            return;
        }

        // A 社情民意转办 case is answered by the 社情民意 office and named as such.
        var isCase = await db.Proposals.AnyAsync(p => p.Id == e.ProposalId && p.SourceReportId != null, ct);
        var title = isCase ? $"社情民意转办：{Title(e)}" : Title(e);
        if (members.Count > 0)
        {
            var ids = await db.Users.Where(u => u.MemberId != null && members.Contains(u.MemberId.Value) && !u.IsDisabled)
                .Select(u => u.Id).ToListAsync(ct);
            await notifications.NotifyAsync(ids, title, e.Summary, $"/Proposals/Detail/{e.ProposalId}", ct);
        }

        if (units.Count > 0)
        {
            var ids = await db.Users.Where(u => u.HandlingUnitId != null && units.Contains(u.HandlingUnitId.Value) && !u.IsDisabled)
                .Select(u => u.Id).ToListAsync(ct);
            await notifications.NotifyAsync(ids, title, e.Summary, $"/Proposals/Unit/Handle/{e.ProposalId}", ct);
        }

        // Units' requests that staff must answer: a return request and a reply to review.
        if (staffAnswers)
        {
            var permission = isCase ? Permissions.Opinions : Permissions.Proposals;
            var staff = await db.Users
                .Where(u => u.CommitteeId == e.CommitteeId && !u.IsDisabled && u.ModulePermissions.Contains(permission)
                    && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Staff)))
                .Select(u => u.Id).ToListAsync(ct);
            await notifications.NotifyAsync(staff, title, e.Summary, $"/Proposals/Detail/{e.ProposalId}", ct);
        }
    }

    private static string Title(ProposalChanged e) => e.Kind switch
    {
        ProposalEventKind.Submitted => "联名提案邀请",
        ProposalEventKind.Returned => "提案退回修改",
        ProposalEventKind.Filed => "提案已立案",
        ProposalEventKind.NotFiled => "提案不予立案",
        ProposalEventKind.Merged => "提案已并案",
        ProposalEventKind.Assigned => "新交办提案",
        ProposalEventKind.DeadlineExtended => "提案办理期限提醒",
        ProposalEventKind.Replied => "提案答复待评价",
        ProposalEventKind.Rehandling => "提案重新办理",
        ProposalEventKind.ReturnRequested => "承办单位申请退回",
        ProposalEventKind.ReplySubmitted => "答复待审核",
        _ => $"提案{e.Kind.DisplayName()}",
    };
}
