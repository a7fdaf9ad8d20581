using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Platform.Calendar;

/// <summary>One line of a year's holiday list as the admin page shows it.</summary>
public sealed record HolidayRow(DateOnly Date, HolidayKind Kind, string Name)
{
    public string KindName => HolidayAdmin.KindName(Kind);
}

/// <summary>A year of the holiday table with what the admin should know about it.</summary>
public sealed record HolidayYear(int Year, IReadOnlyList<HolidayRow> Entries, IReadOnlyList<int> YearsWithData);

/// <summary>The holiday table's maintenance (节假日维护): the system admin (系统管理员) keeps it, since
/// it is operating data like the State Council notice it copies – not a security policy, so not
/// the security admin. Every change takes effect in <see cref="WorkingDayCalendar"/> at once.</summary>
public sealed class HolidayAdmin(TongxinDbContext db, WorkingDayCalendar calendar)
{
    public const int NameMaxLength = 50;

    public static string KindName(HolidayKind kind) => kind == HolidayKind.Off ? "放假" : "调休上班";

    public async Task<HolidayYear> YearAsync(int year, CancellationToken ct = default)
    {
        RequireSysAdmin();
        var from = new DateOnly(Math.Clamp(year, 1, 9999), 1, 1);
        var to = from.AddYears(1);
        var entries = await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date < to).OrderBy(h => h.Date)
            .Select(h => new HolidayRow(h.Date, h.Kind, h.Name)).ToListAsync(ct);
        var dates = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        return new HolidayYear(from.Year, entries, [.. dates.Select(d => d.Year).Distinct().Order()]);
    }

    /// <summary>Adds an entry, or changes the one at <paramref name="originalDate"/> (which may move it to another date).</summary>
    public async Task SaveAsync(DateOnly? originalDate, DateOnly? date, HolidayKind? kind, string? name, CancellationToken ct = default)
    {
        RequireSysAdmin();
        var v = new Validation()
            .Require(date is not null, "Date", "请填写日期。")
            .Require(kind is HolidayKind.Off or HolidayKind.Workday, "Kind", "请选择放假或调休上班。")
            .NotBlank(name, "Name", "名称")
            .MaxLength(name?.Trim(), NameMaxLength, "Name", "名称");
        v.ThrowIfInvalid();
        if (date != originalDate && await db.Holidays.AnyAsync(h => h.Date == date, ct))
        {
            throw new ValidationFailedException("Date", $"{date:yyyy-MM-dd} 已有记录，请直接修改该日。");
        }

        if (originalDate is not null)
        {
            var existing = await db.Holidays.SingleOrDefaultAsync(h => h.Date == originalDate, ct)
                ?? throw new NotFoundException("节假日记录");
            if (existing.Date != date)
            {
                db.Holidays.Remove(existing);
                db.Holidays.Add(new Holiday { Date = date!.Value, Kind = kind!.Value, Name = name!.Trim() });
            }
            else
            {
                existing.Kind = kind!.Value;
                existing.Name = name!.Trim();
            }
        }
        else
        {
            db.Holidays.Add(new Holiday { Date = date!.Value, Kind = kind!.Value, Name = name!.Trim() });
        }

        await SaveAsync(ct);
    }

    public async Task DeleteAsync(DateOnly date, CancellationToken ct = default)
    {
        RequireSysAdmin();
        var existing = await db.Holidays.SingleOrDefaultAsync(h => h.Date == date, ct) ?? throw new NotFoundException("节假日记录");
        db.Holidays.Remove(existing);
        await SaveAsync(ct);
    }

    /// <summary>Imports pasted lines "2027-01-01 放假 元旦" (or a range "2027-02-11~2027-02-17 放假 春节",
    /// kind 放假 or 调休上班/上班). A listed date replaces what the table had for it; dates not listed are
    /// kept. Nothing is stored unless every line is valid. Returns the number of dates imported.</summary>
    public async Task<int> ImportAsync(string? text, CancellationToken ct = default)
    {
        RequireSysAdmin();
        var parsed = Parse(text);
        var dates = parsed.Keys.ToList();
        var existing = await db.Holidays.Where(h => dates.Contains(h.Date)).ToDictionaryAsync(h => h.Date, ct);
        foreach (var (date, (kind, name)) in parsed)
        {
            if (existing.TryGetValue(date, out var holiday))
            {
                holiday.Kind = kind;
                holiday.Name = name;
            }
            else
            {
                db.Holidays.Add(new Holiday { Date = date, Kind = kind, Name = name });
            }
        }

        await SaveAsync(ct);
        return parsed.Count;
    }

    internal static Dictionary<DateOnly, (HolidayKind Kind, string Name)> Parse(string? text)
    {
        const string field = "ImportText";
        var result = new Dictionary<DateOnly, (HolidayKind, string)>();
        var v = new Validation();
        var lines = (text ?? "").Split('\n').Select((line, i) => (Text: line.Trim(), Number: i + 1)).Where(l => l.Text.Length > 0).ToList();
        v.Require(lines.Count > 0, field, "请粘贴节假日清单，每行一条，例如“2027-01-01 放假 元旦”。");
        foreach (var (line, number) in lines)
        {
            var parts = line.Split((char[])[' ', '\t', '　'], 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3)
            {
                v.Require(false, field, $"第 {number} 行格式不对，应为“日期 放假|调休上班 名称”：{line}");
                continue;
            }

            var range = parts[0].Split(['~', '～', '至'], 2);
            var okFrom = TryDate(range[0], out var from);
            var to = from;
            var okTo = range.Length == 1 || TryDate(range[1], out to);
            HolidayKind? kind = parts[1] switch
            {
                "放假" or "休" or "休息" => HolidayKind.Off,
                "调休上班" or "上班" or "班" => HolidayKind.Workday,
                _ => null,
            };
            var name = parts[2].Trim();
            if (!okFrom || !okTo)
            {
                v.Require(false, field, $"第 {number} 行的日期“{parts[0]}”无效，应为 yyyy-MM-dd。");
            }
            else if (to < from || to.DayNumber - from.DayNumber > 31)
            {
                v.Require(false, field, $"第 {number} 行的日期范围“{parts[0]}”无效（结束日不能早于开始日，且不超过 31 天）。");
            }
            else if (kind is null)
            {
                v.Require(false, field, $"第 {number} 行的类型“{parts[1]}”无效，只能是“放假”或“调休上班”。");
            }
            else if (name.Length > NameMaxLength)
            {
                v.Require(false, field, $"第 {number} 行的名称不能超过 {NameMaxLength} 个字符。");
            }
            else
            {
                for (var d = from; d <= to; d = d.AddDays(1))
                {
                    if (!result.TryAdd(d, (kind.Value, name)))
                    {
                        v.Require(false, field, $"第 {number} 行的 {d:yyyy-MM-dd} 在清单中重复出现。");
                    }
                }
            }
        }

        v.ThrowIfInvalid();
        return result;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        calendar.Invalidate();
    }

    private void RequireSysAdmin()
    {
        if (!db.Actor.IsInRole(Roles.SysAdmin))
        {
            throw new ForbiddenException("只有系统管理员可以维护节假日。");
        }
    }
}
