namespace Tongxin.Platform.Calendar;

/// <summary>北京时间: times are stored in UTC; dates and deadlines are Beijing calendar days. China
/// has no daylight saving, so the offset is a constant.</summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) + Offset;

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime + Offset);

    /// <summary>The UTC instant at which <paramref name="date"/> begins in Beijing.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
}
