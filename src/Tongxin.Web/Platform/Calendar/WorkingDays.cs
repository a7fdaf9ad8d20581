namespace Tongxin.Platform.Calendar;

/// <summary>工作日规则 over one snapshot of the holiday table. A day listed as 放假 is a rest day,
/// one listed as 调休上班 is a working day, and any other day is a working day from Monday to
/// Friday. Years without holiday data fall back to that weekday rule alone
/// (<see cref="HasHolidayData"/> tells which years have data). Pure and immutable: unit-testable
/// without a database.</summary>
public sealed class WorkingDays
{
    private readonly Dictionary<DateOnly, HolidayKind> exceptions;
    private readonly HashSet<int> years;

    public WorkingDays(IEnumerable<Holiday> holidays)
    {
        exceptions = holidays.ToDictionary(h => h.Date, h => h.Kind);
        years = [.. exceptions.Keys.Select(d => d.Year)];
    }

    public bool HasHolidayData(int year) => years.Contains(year);

    public bool IsWorkingDay(DateOnly date) => exceptions.TryGetValue(date, out var kind)
        ? kind == HolidayKind.Workday
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The first working day after <paramref name="date"/> (never <paramref name="date"/> itself).</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var d = date.AddDays(1);
        while (!IsWorkingDay(d))
        {
            d = d.AddDays(1);
        }

        return d;
    }

    /// <summary><paramref name="date"/> if it is a working day, otherwise the next working day.</summary>
    public DateOnly OnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    /// <summary>"N 个工作日内": the start day does not count; the deadline is the
    /// <paramref name="workingDays"/>-th working day after <paramref name="start"/> (a Friday start
    /// plus 1 is the next Monday). Zero days means the start day itself, rolled forward to a working day.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (workingDays == 0)
        {
            return OnOrAfter(start);
        }

        var d = start;
        for (var i = 0; i < workingDays; i++)
        {
            d = NextWorkingDay(d);
        }

        return d;
    }

    /// <summary>"N 日内" counted in calendar days: start + N days, moved to the next working day when
    /// that falls on a rest day (DOMAIN.md §10).</summary>
    public DateOnly CalendarDeadline(DateOnly start, int calendarDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calendarDays);
        return OnOrAfter(start.AddDays(calendarDays));
    }
}
