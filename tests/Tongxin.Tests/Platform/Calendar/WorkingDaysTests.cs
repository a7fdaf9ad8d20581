using Tongxin.Platform.Calendar;

namespace Tongxin.Tests.Platform.Calendar;

/// <summary>The working-day rules on the official 2025/2026 table, without a database.</summary>
public class WorkingDaysTests
{
    private static readonly WorkingDays Official = new(HolidayTable.Official2025And2026());

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-02-14")] // Saturday before the Spring Festival
    [InlineData("2026-02-28")] // Saturday after it
    [InlineData("2026-01-04")] // Sunday after New Year
    [InlineData("2025-09-28")] // Sunday before National Day
    [InlineData("2025-10-11")] // Saturday after it
    [InlineData("2026-05-09")] // Saturday after Labour Day
    public void A_tiaoxiu_weekend_day_is_a_working_day(string date) =>
        Official.IsWorkingDay(D(date)).ShouldBeTrue();

    [Fact]
    public void The_whole_2026_spring_festival_15_to_23_february_is_rest()
    {
        for (var d = D("2026-02-15"); d <= D("2026-02-23"); d = d.AddDays(1))
        {
            Official.IsWorkingDay(d).ShouldBeFalse(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        Official.IsWorkingDay(D("2026-02-24")).ShouldBeTrue();
    }

    [Fact]
    public void The_whole_2025_national_day_1_to_8_october_is_rest_including_its_weekdays()
    {
        for (var d = D("2025-10-01"); d <= D("2025-10-08"); d = d.AddDays(1))
        {
            Official.IsWorkingDay(d).ShouldBeFalse(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        Official.IsWorkingDay(D("2025-10-09")).ShouldBeTrue();
    }

    [Fact]
    public void Ordinary_weekends_rest_and_ordinary_weekdays_work()
    {
        Official.IsWorkingDay(D("2026-03-07")).ShouldBeFalse(); // Saturday
        Official.IsWorkingDay(D("2026-03-08")).ShouldBeFalse(); // Sunday
        Official.IsWorkingDay(D("2026-03-09")).ShouldBeTrue(); // Monday
    }

    [Fact]
    public void Three_working_days_after_thursday_12_feb_2026_are_fri_13_tiaoxiu_sat_14_and_tue_24_after_the_festival() =>
        Official.AddWorkingDays(D("2026-02-12"), 3).ShouldBe(D("2026-02-24"));

    [Fact]
    public void One_working_day_after_a_friday_is_the_next_monday_the_start_day_does_not_count()
    {
        Official.AddWorkingDays(D("2026-03-06"), 1).ShouldBe(D("2026-03-09"));
        Official.AddWorkingDays(D("2026-03-09"), 5).ShouldBe(D("2026-03-16"));
    }

    [Fact]
    public void Counting_from_a_rest_day_the_first_working_day_after_it_is_day_one()
    {
        // Saturday 21 Feb 2026 is inside the Spring Festival: day 1 is Tuesday 24 Feb.
        Official.AddWorkingDays(D("2026-02-21"), 1).ShouldBe(D("2026-02-24"));
        Official.AddWorkingDays(D("2026-02-21"), 0).ShouldBe(D("2026-02-24"));
        Official.AddWorkingDays(D("2026-02-24"), 0).ShouldBe(D("2026-02-24"));
    }

    [Fact]
    public void Fifteen_working_days_from_national_day_eve_2025_skip_the_holiday_and_count_tiaoxiu_saturday_11_october()
    {
        // Tue 30 Sep; Oct 1–8 rest; working: 9 Thu, 10 Fri, 11 Sat(调休), 13–17, 20–24 (=13), 27 (14), 28 (15).
        Official.AddWorkingDays(D("2025-09-30"), 15).ShouldBe(D("2025-10-28"));
    }

    [Fact]
    public void A_calendar_day_deadline_on_national_day_2026_saturday_3_october_moves_to_thursday_8_october() =>
        Official.CalendarDeadline(D("2026-09-23"), 10).ShouldBe(D("2026-10-08"));

    [Fact]
    public void A_calendar_day_deadline_on_a_working_day_stays_and_one_on_a_tiaoxiu_saturday_stays()
    {
        Official.CalendarDeadline(D("2026-03-02"), 15).ShouldBe(D("2026-03-17"));
        Official.CalendarDeadline(D("2026-02-13"), 1).ShouldBe(D("2026-02-14"));
    }

    [Fact]
    public void The_next_working_day_is_never_the_day_itself()
    {
        Official.NextWorkingDay(D("2026-03-02")).ShouldBe(D("2026-03-03"));
        Official.NextWorkingDay(D("2026-09-30")).ShouldBe(D("2026-10-08"));
        Official.NextWorkingDay(D("2026-10-09")).ShouldBe(D("2026-10-10")); // 调休 Saturday
    }

    [Fact]
    public void A_year_without_holiday_data_falls_back_to_weekends_and_says_so()
    {
        Official.HasHolidayData(2026).ShouldBeTrue();
        Official.HasHolidayData(2027).ShouldBeFalse();
        Official.IsWorkingDay(D("2027-01-01")).ShouldBeTrue(); // a Friday: no data says it is New Year
        Official.IsWorkingDay(D("2027-01-02")).ShouldBeFalse();
    }

    [Fact]
    public void Negative_day_counts_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Official.AddWorkingDays(D("2026-03-02"), -1));
        Should.Throw<ArgumentOutOfRangeException>(() => Official.CalendarDeadline(D("2026-03-02"), -1));
    }

    [Fact]
    public void Today_is_the_beijing_date_even_when_utc_is_still_yesterday()
    {
        // 2026-03-01 17:30 UTC is 2026-03-02 01:30 in Beijing.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 17, 30, 0, TimeSpan.Zero));
        BeijingTime.Today(clock).ShouldBe(D("2026-03-02"));
    }
}
