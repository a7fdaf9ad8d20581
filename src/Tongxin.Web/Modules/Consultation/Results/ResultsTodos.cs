using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Results;

/// <summary>One closed activity in the staff's minutes list, with its minutes' state.</summary>
public sealed record MinutesListRow(Guid ActivityId, string Title, ActivityType Type, DateTime EndsAt, DateOnly DueDate, DateTime? UploadedAt, DateTime? SentAt, bool Overdue);

/// <summary>协商纪要清单 for staff: the committee's closed activities with the minutes' due dates
/// and overdue flags, those still to write first.</summary>
public sealed class MinutesList(TongxinDbContext db, ConsultationAccess access, ConsultationSettingsStore settings, WorkingDayCalendar calendar, IActorAccessor actors)
{
    public async Task<PagedList<MinutesListRow>> ListAsync(bool pendingOnly, int page, CancellationToken ct = default)
    {
        access.RequireStaff();
        var committeeId = actors.Actor.CommitteeId ?? throw new ForbiddenException();
        var q = from a in db.Activities.AsNoTracking()
                where a.CommitteeId == committeeId && a.Status == ActivityStatus.Closed
                join m in db.ActivityMinutes.AsNoTracking() on a.Id equals m.ActivityId into ms
                from m in ms.DefaultIfEmpty()
                select new { a.Id, a.Title, a.Type, a.EndsAt, Due = m == null ? (DateOnly?)null : m.DueDate, Uploaded = m == null ? null : m.UploadedAt, Sent = m == null ? null : m.SentAt };
        if (pendingOnly)
        {
            q = q.Where(x => x.Uploaded == null);
        }

        var rows = await q.OrderBy(x => x.Uploaded != null).ThenBy(x => x.EndsAt).ThenBy(x => x.Id).ToPagedListAsync(page, SuggestionQueries.PageSize, ct);
        var rules = await calendar.RulesAsync(ct);
        var days = (await settings.GetAsync(committeeId, ct)).MinutesWorkingDays;
        var today = calendar.Today;
        return new PagedList<MinutesListRow>([.. rows.Items.Select(x =>
        {
            var due = x.Due ?? rules.AddWorkingDays(DateOnly.FromDateTime(BeijingTime.FromUtc(x.EndsAt)), days);
            return new MinutesListRow(x.Id, x.Title, x.Type, x.EndsAt, due, x.Uploaded, x.Sent, MinutesHandler.IsOverdue(due, x.Uploaded, today));
        })], rows.Page, rows.PageSize, rows.Total);
    }
}

/// <summary>成果办理的待办: staff – minutes due within 3 working days or overdue, suggestions to
/// assign or close, 微建言 to handle; units – suggestions to answer and overdue ones; leaders –
/// minutes to read.</summary>
public sealed class ResultsTodos(TongxinDbContext db, ConsultationSettingsStore settings, WorkingDayCalendar calendar) : ITodoSource
{
    /// <summary>纪要临期: due within this many working days.</summary>
    public const int SoonWorkingDays = 3;
    private const string Module = "协商议政";

    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (actor.CommitteeId is not { } committeeId)
        {
            return [];
        }

        var items = new List<TodoItem>();
        if (ConsultationAccess.IsConsultationStaff(actor))
        {
            items.AddRange(await StaffAsync(committeeId, ct));
        }

        if (ConsultationAccess.IsUnit(actor))
        {
            var unitId = actor.HandlingUnitId!.Value;
            var today = calendar.Today;
            var open = db.ConsultationSuggestions.AsNoTracking().Where(s => s.HandlingUnitId == unitId && s.Status == SuggestionStatus.Assigned);
            items.Add(new TodoItem("待答复的意见建议", await open.CountAsync(ct), "/Consultation/Results/Unit?status=Assigned", Module));
            items.Add(new TodoItem("已逾期的意见建议", await open.CountAsync(s => s.DueDate < today, ct), "/Consultation/Results/Unit?overdue=true", Module));
        }

        if (ConsultationAccess.IsLeader(actor) && actor.UserId is { } userId)
        {
            var unread = await db.ActivityMinutes.AsNoTracking()
                .CountAsync(m => m.CommitteeId == committeeId && m.SentAt != null && !db.MinutesReadings.Any(r => r.MinutesId == m.Id && r.LeaderUserId == userId), ct);
            items.Add(new TodoItem("待阅批的协商纪要", unread, "/Consultation/Results/Leader", Module));
        }

        return items;
    }

    private async Task<IEnumerable<TodoItem>> StaffAsync(Guid committeeId, CancellationToken ct)
    {
        // Only closed activities whose minutes are not in yet; their due dates are computed here
        // with the in-memory calendar (a committee has a handful of them at a time).
        var pending = await (from a in db.Activities.AsNoTracking()
                             where a.CommitteeId == committeeId && a.Status == ActivityStatus.Closed
                                 && !db.ActivityMinutes.Any(m => m.ActivityId == a.Id && m.UploadedAt != null)
                             select new { a.EndsAt, Due = db.ActivityMinutes.Where(m => m.ActivityId == a.Id).Select(m => (DateOnly?)m.DueDate).FirstOrDefault() })
            .ToListAsync(ct);
        var rules = await calendar.RulesAsync(ct);
        var days = (await settings.GetAsync(committeeId, ct)).MinutesWorkingDays;
        var today = calendar.Today;
        var soonBoundary = rules.AddWorkingDays(today, SoonWorkingDays);
        var dues = pending.Select(p => p.Due ?? rules.AddWorkingDays(DateOnly.FromDateTime(BeijingTime.FromUtc(p.EndsAt)), days)).ToList();
        var suggestions = db.ConsultationSuggestions.AsNoTracking().Where(s => s.CommitteeId == committeeId);
        return
        [
            new TodoItem($"临近报送期限的协商纪要（{SoonWorkingDays}个工作日内）", dues.Count(d => d >= today && d <= soonBoundary), "/Consultation/Results/Minutes?pending=true", Module),
            new TodoItem("已逾期未上传的协商纪要", dues.Count(d => d < today), "/Consultation/Results/Minutes?pending=true", Module),
            new TodoItem("待交办的协商意见建议", await suggestions.CountAsync(s => s.Kind == SuggestionKind.Activity && s.Status == SuggestionStatus.Raised, ct), "/Consultation/Results?status=Raised", Module),
            new TodoItem("待回头看办结的意见建议", await suggestions.CountAsync(s => s.Kind == SuggestionKind.Activity && s.Status == SuggestionStatus.Answered, ct), "/Consultation/Results?status=Answered", Module),
            new TodoItem("待微办理的微建言", await suggestions.CountAsync(s => s.Kind == SuggestionKind.Micro && s.Status == SuggestionStatus.Raised, ct), "/Consultation/Results/Micro?status=Raised", Module),
            new TodoItem("承办单位已答复待办结的微建言", await suggestions.CountAsync(s => s.Kind == SuggestionKind.Micro && s.Status == SuggestionStatus.Answered, ct), "/Consultation/Results/Micro?status=Answered", Module),
        ];
    }
}
