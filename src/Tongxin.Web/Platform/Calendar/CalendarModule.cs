using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Platform.Calendar;

/// <summary>Registration of the working-day calendar, its admin page and its API.</summary>
public static class CalendarModule
{
    /// <summary>The longest span the API computes, so a typo cannot ask for a date in year 9999.</summary>
    public const int MaxApiDays = 3650;

    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddSingleton<WorkingDayCalendar>();
        services.AddScoped<HolidayAdmin>();
        services.AddSingleton(new NavItem("系统管理", "节假日", "/Admin/Holidays", a => a.IsInRole(Roles.SysAdmin), 910));
        return services;
    }

    /// <summary>The deadline answer other systems ask for.</summary>
    public sealed record WorkingDaysAnswer(DateOnly From, int Days, DateOnly Date, bool HolidayDataComplete);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/calendar/working-days", WorkingDaysAsync)
            .RequireSignedIn()
            .WithName("AddWorkingDays")
            .WithSummary("从某日起第 N 个工作日（起始日不计；days=0 为当日，遇休息日顺延）");

        // The system admin's holiday maintenance, as on /Admin/Holidays (HolidayAdmin checks the role).
        var holidays = api.MapGroup("/calendar/holidays").RequireSignedIn().WithTags("节假日");
        holidays.MapGet("/{year:int}", (int year, HolidayAdmin h, CancellationToken ct) => h.YearAsync(year, ct));
        holidays.MapPut("/{date}", async (DateOnly date, HolidayInput input, HolidayAdmin h, CancellationToken ct) =>
        {
            await h.SaveAsync(input.OriginalDate, date, input.Kind, input.Name, ct);
            return Results.NoContent();
        });
        holidays.MapDelete("/{date}", async (DateOnly date, HolidayAdmin h, CancellationToken ct) =>
        {
            await h.DeleteAsync(date, ct);
            return Results.NoContent();
        });
        holidays.MapPost("/import", async (HolidayImport input, HolidayAdmin h, CancellationToken ct) =>
            Results.Ok(new { imported = await h.ImportAsync(input.Text, ct) }));
    }

    /// <summary>One entry; <c>OriginalDate</c> moves an existing entry to the date in the path.</summary>
    public sealed record HolidayInput(HolidayKind? Kind, string? Name, DateOnly? OriginalDate);

    /// <summary>Lines such as "2027-01-01 放假 元旦" or "2027-02-06~2027-02-12 放假 春节".</summary>
    public sealed record HolidayImport(string? Text);

    private static async Task<WorkingDaysAnswer> WorkingDaysAsync(string? from, string? days, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var okFrom = DateOnly.TryParseExact(from ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start);
        var okDays = int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n);
        new Validation()
            .Require(okFrom, "from", "from 应为日期，格式 yyyy-MM-dd。")
            .Require(okDays && n <= MaxApiDays, "days", $"days 应为 0 到 {MaxApiDays} 之间的整数。")
            .ThrowIfInvalid();
        var rules = await calendar.RulesAsync(ct);
        var date = rules.AddWorkingDays(start, n);
        var complete = Enumerable.Range(start.Year, date.Year - start.Year + 1).All(rules.HasHolidayData);
        return new WorkingDaysAnswer(start, n, date, complete);
    }
}
