using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;

namespace Tongxin.Platform.Calendar;

/// <summary>The State Council holiday notices for 2025 and 2026 (DOMAIN.md §10), seeded into the
/// editable holiday table. Later years are entered by admins each November.</summary>
public static class HolidayTable
{
    /// <summary>Puts the official table into an empty holiday table, so every deployment (demo or
    /// not) starts with it; a table with any entry is the admins' and is left alone. Called once
    /// after migrating, by the app's start and by the seed command.</summary>
    public static async Task SeedIfEmptyAsync(TongxinDbContext db, CancellationToken ct)
    {
        if (await db.Holidays.AnyAsync(ct))
        {
            return;
        }

        var audit = db.AuditEntityChanges;
        db.AuditEntityChanges = false;
        db.Holidays.AddRange(Official2025And2026());
        db.Audit("导入法定节假日", nameof(Holiday), "2025-2026", "成功", "国务院办公厅 2025、2026 年节假日安排");
        await db.SaveChangesAsync(ct);
        db.AuditEntityChanges = audit;
    }

    public static IEnumerable<Holiday> Official2025And2026()
    {
        return
        [
            .. Off(2025, 1, 1, 1, 1, "元旦"),
            .. Off(2025, 1, 28, 2, 4, "春节"), Work(2025, 1, 26, "春节调休"), Work(2025, 2, 8, "春节调休"),
            .. Off(2025, 4, 4, 4, 6, "清明节"),
            .. Off(2025, 5, 1, 5, 5, "劳动节"), Work(2025, 4, 27, "劳动节调休"),
            .. Off(2025, 5, 31, 6, 2, "端午节"),
            .. Off(2025, 10, 1, 10, 8, "国庆节、中秋节"), Work(2025, 9, 28, "国庆节调休"), Work(2025, 10, 11, "国庆节调休"),

            .. Off(2026, 1, 1, 1, 3, "元旦"), Work(2026, 1, 4, "元旦调休"),
            .. Off(2026, 2, 15, 2, 23, "春节"), Work(2026, 2, 14, "春节调休"), Work(2026, 2, 28, "春节调休"),
            .. Off(2026, 4, 4, 4, 6, "清明节"),
            .. Off(2026, 5, 1, 5, 5, "劳动节"), Work(2026, 5, 9, "劳动节调休"),
            .. Off(2026, 6, 19, 6, 21, "端午节"),
            .. Off(2026, 9, 25, 9, 27, "中秋节"),
            .. Off(2026, 10, 1, 10, 7, "国庆节"), Work(2026, 9, 20, "国庆节调休"), Work(2026, 10, 10, "国庆节调休"),
        ];
    }

    private static IEnumerable<Holiday> Off(int year, int fromMonth, int fromDay, int toMonth, int toDay, string name)
    {
        for (var d = new DateOnly(year, fromMonth, fromDay); d <= new DateOnly(year, toMonth, toDay); d = d.AddDays(1))
        {
            yield return new Holiday { Date = d, Kind = HolidayKind.Off, Name = name };
        }
    }

    private static Holiday Work(int year, int month, int day, string name) =>
        new() { Date = new DateOnly(year, month, day), Kind = HolidayKind.Workday, Name = name };
}
