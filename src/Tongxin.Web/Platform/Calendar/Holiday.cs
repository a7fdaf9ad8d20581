namespace Tongxin.Platform.Calendar;

public enum HolidayKind
{
    /// <summary>放假 – a rest day, even if it is a weekday.</summary>
    Off = 1,
    /// <summary>调休上班 – a working day, even if it is a Saturday or Sunday.</summary>
    Workday = 2,
}

/// <summary>One exception to the weekday rule in the official holiday table (per year, from the
/// State Council notice).</summary>
public class Holiday
{
    public DateOnly Date { get; set; }
    public HolidayKind Kind { get; set; }
    public string Name { get; set; } = "";
}
