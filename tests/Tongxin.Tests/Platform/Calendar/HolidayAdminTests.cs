using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Platform.Calendar;

/// <summary>The editable holiday table on both databases. Each test uses dates of its own (years
/// after 2030), so they do not disturb each other on the shared app.</summary>
public class HolidayAdminTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<TestData.TestUser> SysAdminAsync(TestApp app) =>
        await app.NewUserAsync(await app.NewCommitteeAsync(), Roles.SysAdmin);

    [Theory, ClassData(typeof(Databases))]
    public async Task The_official_2026_table_is_seeded_and_drives_the_calendar(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();

        (await calendar.IsWorkingDayAsync(D("2026-02-14"))).ShouldBeTrue();
        (await calendar.IsWorkingDayAsync(D("2026-02-16"))).ShouldBeFalse();
        (await calendar.AddWorkingDaysAsync(D("2026-02-12"), 3)).ShouldBe(D("2026-02-24"));
        (await calendar.CalendarDeadlineAsync(D("2026-09-23"), 10)).ShouldBe(D("2026-10-08"));
        calendar.Today.ShouldBe(D("2026-03-02"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_production_database_without_demo_data_gets_the_official_table_on_first_start(Db db)
    {
        await using var app = await TestApp.CreateIsolatedAsync(db, settings: new Dictionary<string, string?> { ["Tongxin:DemoMode"] = "false" });

        var (holidays, recorded) = await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            return (await ctx.Holidays.CountAsync(), await ctx.AuditEntries.CountAsync(a => a.Action == "导入法定节假日"));
        });

        holidays.ShouldBe(HolidayTable.Official2025And2026().Count());
        recorded.ShouldBe(1);
        (await app.Services.GetRequiredService<WorkingDayCalendar>().IsWorkingDayAsync(D("2026-02-28"))).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Marking_a_monday_as_rest_changes_every_answer_at_once_and_deleting_it_restores_them(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var admin = await SysAdminAsync(app);
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var monday = D(db == Db.Sqlite ? "2031-03-03" : "2031-03-10");
        (await calendar.IsWorkingDayAsync(monday)).ShouldBeTrue();

        await app.AsAsync(admin.Actor, sp => sp.GetRequiredService<HolidayAdmin>().SaveAsync(null, monday, HolidayKind.Off, " 测试假日 "));

        (await calendar.IsWorkingDayAsync(monday)).ShouldBeFalse();
        (await calendar.AddWorkingDaysAsync(monday.AddDays(-3), 1)).ShouldBe(monday.AddDays(1), "Friday + 1 skips the new rest day");
        var stored = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Holidays.AsNoTracking().SingleAsync(h => h.Date == monday));
        stored.Name.ShouldBe("测试假日");

        await app.AsAsync(admin.Actor, sp => sp.GetRequiredService<HolidayAdmin>().DeleteAsync(monday));

        (await calendar.IsWorkingDayAsync(monday)).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Editing_an_entry_can_turn_a_rest_day_into_a_tiaoxiu_workday_and_move_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var admin = await SysAdminAsync(app);
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var saturday = D(db == Db.Sqlite ? "2032-05-08" : "2032-05-15");
        var sunday = saturday.AddDays(1);
        await app.AsAsync(admin.Actor, sp => sp.GetRequiredService<HolidayAdmin>().SaveAsync(null, saturday, HolidayKind.Off, "劳动节"));

        await app.AsAsync(admin.Actor, sp => sp.GetRequiredService<HolidayAdmin>().SaveAsync(saturday, sunday, HolidayKind.Workday, "劳动节调休"));

        (await calendar.IsWorkingDayAsync(saturday)).ShouldBeFalse("an ordinary Saturday again");
        (await calendar.IsWorkingDayAsync(sunday)).ShouldBeTrue("调休上班");
        var year = await app.AsAsync(admin.Actor, sp => sp.GetRequiredService<HolidayAdmin>().YearAsync(2032));
        year.Entries.Where(e => e.Date == saturday || e.Date == sunday).ShouldHaveSingleItem().KindName.ShouldBe("调休上班");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Pasting_a_years_notice_imports_ranges_and_tiaoxiu_days(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var admin = await SysAdminAsync(app);
        var y = db == Db.Sqlite ? 2033 : 2034;
        var text = $"""
            {y}-01-03 放假 元旦
            {y}-02-07~{y}-02-13 放假 春节

            {y}-02-19 调休上班 春节调休
            """;

        var count = await app.AsAsync(admin.Actor, sp => sp.GetRequiredService<HolidayAdmin>().ImportAsync(text));

        count.ShouldBe(9);
        var year = await app.AsAsync(admin.Actor, sp => sp.GetRequiredService<HolidayAdmin>().YearAsync(y));
        year.Entries.Count.ShouldBe(9);
        year.Entries.Count(e => e.Name == "春节").ShouldBe(7);
        year.Entries.Single(e => e.Name == "春节调休").Kind.ShouldBe(HolidayKind.Workday);
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        (await calendar.HasHolidayDataAsync(y)).ShouldBeTrue();
        (await calendar.IsWorkingDayAsync(new DateOnly(y, 2, 10))).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_bad_import_line_is_named_in_chinese_and_nothing_is_stored(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var admin = await SysAdminAsync(app);
        var y = db == Db.Sqlite ? 2035 : 2036;
        var text = $"{y}-01-01 放假 元旦\n{y}-13-01 放假 坏日期\n{y}-05-01 休假 劳动节";

        var error = await Should.ThrowAsync<ValidationFailedException>(() =>
            app.AsAsync(admin.Actor, sp => sp.GetRequiredService<HolidayAdmin>().ImportAsync(text)));

        error.Errors["ImportText"].ShouldContain(m => m.StartsWith("第 2 行的日期"));
        error.Errors["ImportText"].ShouldContain(m => m.StartsWith("第 3 行的类型“休假”无效"));
        var stored = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Holidays.CountAsync(h => h.Date.Year == y));
        stored.ShouldBe(0);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Adding_a_date_that_exists_or_leaving_fields_empty_is_refused_in_chinese(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var admin = await SysAdminAsync(app);

        var duplicate = await Should.ThrowAsync<ValidationFailedException>(() =>
            app.AsAsync(admin.Actor, sp => sp.GetRequiredService<HolidayAdmin>().SaveAsync(null, D("2026-02-16"), HolidayKind.Off, "春节")));
        var empty = await Should.ThrowAsync<ValidationFailedException>(() =>
            app.AsAsync(admin.Actor, sp => sp.GetRequiredService<HolidayAdmin>().SaveAsync(null, null, null, " ")));

        duplicate.Errors["Date"].ShouldBe(["2026-02-16 已有记录，请直接修改该日。"]);
        empty.Errors.Keys.ShouldBe(["Date", "Kind", "Name"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(Db.Sqlite, Roles.SecAdmin)]
    [InlineData(Db.Sqlite, Roles.AuditAdmin)]
    [InlineData(Db.Sqlite, Roles.Staff)]
    [InlineData(Db.Sqlite, Roles.Member)]
    [InlineData(Db.Sqlite, Roles.Leader)]
    [InlineData(Db.Sqlite, Roles.Unit)]
    [InlineData(Db.PostgreSql, Roles.SecAdmin)]
    [InlineData(Db.PostgreSql, Roles.Staff)]
    public async Task Only_the_system_admin_may_read_or_change_the_holiday_table(Db db, string role)
    {
        var app = await TestApp.SharedAsync(db);
        var user = await app.NewUserAsync(await app.NewCommitteeAsync(), role);
        var day = D("2037-06-01");

        await app.AsAsync(user.Actor, async sp =>
        {
            var admin = sp.GetRequiredService<HolidayAdmin>();
            await Should.ThrowAsync<ForbiddenException>(() => admin.YearAsync(2026));
            await Should.ThrowAsync<ForbiddenException>(() => admin.SaveAsync(null, day, HolidayKind.Off, "越权"));
            await Should.ThrowAsync<ForbiddenException>(() => admin.ImportAsync("2037-06-01 放假 越权"));
            await Should.ThrowAsync<ForbiddenException>(() => admin.DeleteAsync(D("2026-02-16")));
        });

        var stored = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Holidays.CountAsync(h => h.Date == day || h.Date == D("2026-02-16")));
        stored.ShouldBe(1, "nothing added, nothing deleted");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_admin_page_lists_a_year_warns_about_missing_years_and_saves_a_form(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var admin = await SysAdminAsync(app);
        using var session = await WebSession.LoginAsync(app, admin.UserName);

        var page2026 = await session.GetPageAsync("/Admin/Holidays?year=2026");
        var page2038 = await session.GetPageAsync("/Admin/Holidays?year=2038");
        var day = db == Db.Sqlite ? "2039-10-03" : "2039-10-04";
        var saved = await session.PostFormAsync("/Admin/Holidays?year=2039&handler=Save", new() { ["Date"] = day, ["Kind"] = "Off", ["Name"] = "国庆节" }, "/Admin/Holidays?year=2039");
        var invalid = await session.PostFormAsync("/Admin/Holidays?year=2039&handler=Save", new() { ["Date"] = day, ["Kind"] = "", ["Name"] = "" }, "/Admin/Holidays?year=2039");

        page2026.ShouldContain("春节调休");
        page2026.ShouldContain("2027年节假日数据尚未录入");
        page2038.ShouldContain("2038年节假日数据尚未录入");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await session.GetPageAsync("/Admin/Holidays?year=2039")).ShouldContain(day);
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        invalidHtml.ShouldContain("请选择放假或调休上班。");
        invalidHtml.ShouldContain("名称不能为空。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_security_admin_is_turned_away_from_the_holiday_page(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var secadmin = await app.NewUserAsync(await app.NewCommitteeAsync(), Roles.SecAdmin);
        using var session = await WebSession.LoginAsync(app, secadmin.UserName);

        var response = await session.GetAsync("/Admin/Holidays");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Error/403");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_answers_the_nth_working_day_for_a_signed_in_user_and_explains_bad_input(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var staff = await app.NewUserAsync(await app.NewCommitteeAsync(), Roles.Staff);
        using var session = await WebSession.LoginAsync(app, staff.UserName);

        var answer = await session.GetAsync("/api/v1/calendar/working-days?from=2026-02-12&days=3");
        var beyond = await session.GetAsync("/api/v1/calendar/working-days?from=2026-12-30&days=5");
        var bad = await session.GetAsync("/api/v1/calendar/working-days?from=2026-02-30&days=-1");
        var anonymous = await app.CreateClient().GetAsync("/api/v1/calendar/working-days?from=2026-02-12&days=3");

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("date").GetString().ShouldBe("2026-02-24");
        json.RootElement.GetProperty("holidayDataComplete").GetBoolean().ShouldBeTrue();
        using var beyondJson = JsonDocument.Parse(await beyond.Content.ReadAsStringAsync());
        beyondJson.RootElement.GetProperty("holidayDataComplete").GetBoolean().ShouldBeFalse("2027 has no data yet");
        var problem = await bad.Content.ReadAsStringAsync();
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem);
        problem.ShouldContain("from 应为日期");
        problem.ShouldContain("days 应为 0 到 3650 之间的整数");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
