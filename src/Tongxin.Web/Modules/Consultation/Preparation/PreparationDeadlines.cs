using Tongxin.Platform.Calendar;

namespace Tongxin.Modules.Consultation.Preparation;

/// <summary>One preparation deadline (会议通知 or 会议材料) as staff see it.</summary>
public sealed record PreparationDeadline(string What, DateOnly Due, DateTime? DoneAt, bool Overdue);

/// <summary>会前时限 – when the notice and the materials of an activity are due: the N-th working
/// day before the day it starts (the start day itself does not count; 调休 weekends count as working
/// days, statutory holidays do not). Pure: the caller passes the holiday rules, so it is tested
/// against the 2026 table without a database.</summary>
public static class PreparationDeadlines
{
    /// <summary>How close (in working days) a notice deadline must be before it shows in 我的待办.</summary>
    public const int NoticeTodoWorkingDays = 3;

    /// <summary>The <paramref name="workingDays"/>-th working day before <paramref name="date"/>.</summary>
    public static DateOnly WorkingDaysBefore(WorkingDays rules, DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var d = date;
        for (var i = 0; i < workingDays; i++)
        {
            d = d.AddDays(-1);
            while (!rules.IsWorkingDay(d))
            {
                d = d.AddDays(-1);
            }
        }

        return d;
    }

    /// <summary>The Beijing date on which an activity starts.</summary>
    public static DateOnly StartDate(DateTime startsAtUtc) => DateOnly.FromDateTime(BeijingTime.FromUtc(startsAtUtc));

    /// <summary>会议通知 due: start − <see cref="ConsultationSettings.NoticeWorkingDays"/> working days.</summary>
    public static DateOnly NoticeDue(WorkingDays rules, DateTime startsAtUtc, ConsultationSettings settings) =>
        WorkingDaysBefore(rules, StartDate(startsAtUtc), settings.NoticeWorkingDays);

    /// <summary>会议材料 due: start − <see cref="ConsultationSettings.MaterialsWorkingDays"/> working days.</summary>
    public static DateOnly MaterialsDue(WorkingDays rules, DateTime startsAtUtc, ConsultationSettings settings) =>
        WorkingDaysBefore(rules, StartDate(startsAtUtc), settings.MaterialsWorkingDays);

    /// <summary>Both deadlines of an activity with what has been done: the notice counts as sent
    /// when the activity was published, the materials when they were sent. A deadline is overdue
    /// when it is not done and today is after it.</summary>
    public static IReadOnlyList<PreparationDeadline> For(WorkingDays rules, Activity activity, ConsultationSettings settings, DateOnly today)
    {
        var notice = NoticeDue(rules, activity.StartsAt, settings);
        var materials = MaterialsDue(rules, activity.StartsAt, settings);
        return
        [
            new("会议通知", notice, activity.PublishedAt, activity.PublishedAt is null && today > notice),
            new("会议材料", materials, activity.MaterialsSentAt, activity.MaterialsSentAt is null && today > materials),
        ];
    }

    /// <summary>Whether a draft's notice deadline belongs in 我的待办: it is at most
    /// <see cref="NoticeTodoWorkingDays"/> working days away, or already past.</summary>
    public static bool NoticeIsNear(WorkingDays rules, DateOnly noticeDue, DateOnly today) =>
        noticeDue <= rules.AddWorkingDays(today, NoticeTodoWorkingDays);

    /// <summary>"2026年9月15日".</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
}
