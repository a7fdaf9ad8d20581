using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Activities;

/// <summary>"我的待办" for consultation staff: leave requests waiting for a decision in their
/// committee's open activities; for members: invitations to activities not yet answered or held.</summary>
public sealed class ActivityTodos(TongxinDbContext db, TimeProvider time) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (actor.IsSystem || actor.CommitteeId is not { } committeeId)
        {
            return [];
        }

        var items = new List<TodoItem>();
        if (ConsultationAccess.IsConsultationStaff(actor))
        {
            var waiting = await db.ActivityParticipants
                .Where(p => p.CommitteeId == committeeId && p.Leave == LeaveStatus.Requested)
                .Join(db.Activities.Where(a => a.Status == ActivityStatus.Published), p => p.ActivityId, a => a.Id, (p, a) => p)
                .CountAsync(ct);
            items.Add(new TodoItem("待审批的活动请假", waiting, "/Consultation/Activities?Filter.Leave=true", ActivitiesModule.NavGroup));
        }

        if (ConsultationAccess.IsMember(actor))
        {
            var memberId = actor.MemberId!.Value;
            var now = time.GetUtcNow().UtcDateTime;
            var pending = await db.ActivityParticipants
                .Where(p => p.MemberId == memberId && p.Invited && p.Response == ParticipantResponse.None && p.Leave == LeaveStatus.None && p.SignedInAt == null)
                .Join(db.Activities.Where(a => a.Status == ActivityStatus.Published && a.Mode == AttendanceMode.SignUp && a.StartsAt > now),
                    p => p.ActivityId, a => a.Id, (p, a) => p)
                .CountAsync(ct);
            items.Add(new TodoItem("待回复的活动报名邀请", pending, "/Consultation/Activities/My", ActivitiesModule.NavGroup));
        }

        return items;
    }
}
