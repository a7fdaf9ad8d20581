using Tongxin.Platform.Calendar;

namespace Tongxin.Modules.Proposals.Handling;

/// <summary>承办时限 – the dates a handling unit works against, all through the working-day
/// calendar: the 申退 window, the reply deadline's working days left, the soon-due boundary and
/// the co-unit opinion deadline.</summary>
public static class UnitDeadlines
{
    /// <summary>The last day a return (申退) may be requested: the N-th working day after the assignment day.</summary>
    public static DateOnly ReturnWindowEnd(WorkingDays rules, DateTime assignedAtUtc, int workingDays) =>
        rules.AddWorkingDays(DateOnly.FromDateTime(BeijingTime.FromUtc(assignedAtUtc)), workingDays);

    /// <summary>协办意见时限: assignment day + N calendar months, moved to a working day.</summary>
    public static DateOnly CoOpinionDeadline(WorkingDays rules, DateTime assignedAtUtc, int months) =>
        rules.OnOrAfter(DateOnly.FromDateTime(BeijingTime.FromUtc(assignedAtUtc)).AddMonths(months));

    /// <summary>Working days from today to the deadline (0 = due today; negative = overdue by that many working days).</summary>
    public static int WorkingDaysLeft(WorkingDays rules, DateOnly today, DateOnly deadline)
    {
        if (deadline == today)
        {
            return 0;
        }

        var (from, to, sign) = deadline > today ? (today, deadline, 1) : (deadline, today, -1);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (rules.IsWorkingDay(d))
            {
                count++;
            }
        }

        // An overdue deadline on a rest day still counts as at least one day late.
        return sign * (sign < 0 ? Math.Max(count, 1) : count);
    }

    /// <summary>How the deadline reads in a list: "剩余N个工作日", "今日到期" or "已逾期N个工作日".</summary>
    public static string Describe(int daysLeft) => daysLeft switch
    {
        > 0 => $"剩余{daysLeft}个工作日",
        0 => "今日到期",
        _ => $"已逾期{-daysLeft}个工作日",
    };

    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
}
