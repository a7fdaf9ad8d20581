using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;

namespace Tongxin.Platform.Calendar;

/// <summary>工作日日历 – the one service every deadline in the product goes through. It keeps a
/// snapshot of the holiday table (<see cref="WorkingDays"/>) in memory; editing the table through
/// <see cref="HolidayAdmin"/> invalidates it at once, and the snapshot is also reloaded every few
/// minutes so that other instances of a load-balanced deployment pick up an edit.</summary>
public sealed class WorkingDayCalendar(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private Snapshot? snapshot;
    private int generation;

    /// <summary>Today's date in Beijing.</summary>
    public DateOnly Today => BeijingTime.Today(time);

    /// <summary>The current rules; cheap after the first call.</summary>
    public async ValueTask<WorkingDays> RulesAsync(CancellationToken ct = default)
    {
        var current = Volatile.Read(ref snapshot);
        var now = time.GetUtcNow();
        if (current is not null && current.Generation == Volatile.Read(ref generation) && now - current.LoadedAt < MaxAge)
        {
            return current.Rules;
        }

        // An edit during the load bumps the generation, so this snapshot is discarded on next use.
        var loadingGeneration = Volatile.Read(ref generation);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        var holidays = await db.Holidays.AsNoTracking().ToListAsync(ct);
        var rules = new WorkingDays(holidays);
        Volatile.Write(ref snapshot, new Snapshot(rules, loadingGeneration, now));
        return rules;
    }

    /// <summary>Call after the holiday table changed.</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);

    public async ValueTask<bool> IsWorkingDayAsync(DateOnly date, CancellationToken ct = default) =>
        (await RulesAsync(ct)).IsWorkingDay(date);

    /// <inheritdoc cref="WorkingDays.NextWorkingDay"/>
    public async ValueTask<DateOnly> NextWorkingDayAsync(DateOnly date, CancellationToken ct = default) =>
        (await RulesAsync(ct)).NextWorkingDay(date);

    /// <inheritdoc cref="WorkingDays.AddWorkingDays"/>
    public async ValueTask<DateOnly> AddWorkingDaysAsync(DateOnly start, int workingDays, CancellationToken ct = default) =>
        (await RulesAsync(ct)).AddWorkingDays(start, workingDays);

    /// <inheritdoc cref="WorkingDays.CalendarDeadline"/>
    public async ValueTask<DateOnly> CalendarDeadlineAsync(DateOnly start, int calendarDays, CancellationToken ct = default) =>
        (await RulesAsync(ct)).CalendarDeadline(start, calendarDays);

    /// <summary>A deadline counted in calendar months (e.g. 办理时限 3 months); one that falls on a
    /// rest day moves to the next working day.</summary>
    public async ValueTask<DateOnly> MonthsLaterAsync(DateOnly start, int months, CancellationToken ct = default) =>
        (await RulesAsync(ct)).OnOrAfter(start.AddMonths(months));

    public async ValueTask<bool> HasHolidayDataAsync(int year, CancellationToken ct = default) =>
        (await RulesAsync(ct)).HasHolidayData(year);

    private sealed record Snapshot(WorkingDays Rules, int Generation, DateTimeOffset LoadedAt);
}
