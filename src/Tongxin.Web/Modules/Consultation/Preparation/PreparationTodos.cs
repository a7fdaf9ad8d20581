using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Preparation;

/// <summary>"我的待办" for consultation staff: drafts whose notice is due within
/// <see cref="PreparationDeadlines.NoticeTodoWorkingDays"/> working days or overdue, and published
/// activities whose materials have not been sent – one line per activity, until it starts.</summary>
public sealed class PreparationTodos(TongxinDbContext db, ConsultationSettingsStore settingsStore, WorkingDayCalendar calendar, TimeProvider time) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (actor.IsSystem || !ConsultationAccess.IsConsultationStaff(actor) || actor.CommitteeId is not { } committeeId)
        {
            return [];
        }

        var rules = await calendar.RulesAsync(ct);
        var settings = await settingsStore.GetAsync(committeeId, ct);
        var today = BeijingTime.Today(time);
        var from = BeijingTime.StartOfDayUtc(today);
        // A notice due on or before the near limit belongs to an activity starting at the latest
        // NoticeWorkingDays working days after that limit.
        var nearLimit = rules.AddWorkingDays(today, PreparationDeadlines.NoticeTodoWorkingDays);
        var latestStart = BeijingTime.StartOfDayUtc(rules.AddWorkingDays(nearLimit, settings.NoticeWorkingDays).AddDays(1));
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.CommitteeId == committeeId && a.StartsAt >= from
                && ((a.Status == ActivityStatus.Draft && a.StartsAt < latestStart)
                    || (a.Status == ActivityStatus.Published && a.MaterialsSentAt == null)))
            .OrderBy(a => a.StartsAt)
            .Select(a => new { a.Id, a.Title, a.Status, a.StartsAt })
            .ToListAsync(ct);
        var items = new List<TodoItem>();
        foreach (var a in activities)
        {
            if (a.Status == ActivityStatus.Draft)
            {
                var due = PreparationDeadlines.NoticeDue(rules, a.StartsAt, settings);
                if (PreparationDeadlines.NoticeIsNear(rules, due, today))
                {
                    items.Add(new TodoItem($"活动《{a.Title}》应于{PreparationDeadlines.Format(due)}前发出通知{Late(due, today)}", 1,
                        PreparationLinks.ActivityDetail(a.Id), PreparationModule.NavGroup));
                }
            }
            else
            {
                var due = PreparationDeadlines.MaterialsDue(rules, a.StartsAt, settings);
                items.Add(new TodoItem($"活动《{a.Title}》应于{PreparationDeadlines.Format(due)}前发送会议材料{Late(due, today)}", 1,
                    PreparationLinks.Materials(a.Id), PreparationModule.NavGroup));
            }
        }

        return items;
    }

    private static string Late(DateOnly due, DateOnly today) => today > due ? "（已逾期）" : "";
}
