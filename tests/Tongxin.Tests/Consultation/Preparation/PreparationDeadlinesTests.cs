using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Preparation;
using Tongxin.Platform.Calendar;

namespace Tongxin.Tests.Consultation.Preparation;

/// <summary>会前时限 over the official 2026 holiday table: the notice and materials dates skip the
/// holidays and count the 调休 weekends as working days.</summary>
public class PreparationDeadlinesTests
{
    private static readonly WorkingDays Official = new(HolidayTable.Official2025And2026());
    private static readonly ConsultationSettings Defaults = new();

    /// <summary>09:00 Beijing on <paramref name="date"/>, stored as UTC.</summary>
    private static DateTime NineOClock(DateOnly date) => BeijingTime.StartOfDayUtc(date).AddHours(9);

    [Fact]
    public void An_activity_after_national_day_counts_back_over_the_holiday_and_the_makeup_saturday()
    {
        // Monday 12 October 2026: Saturday 10 October is a 调休 working day, 1–7 October and the
        // 中秋 days 25–27 September are off, Sunday 20 September is a 调休 working day.
        var startsAt = NineOClock(new DateOnly(2026, 10, 12));

        PreparationDeadlines.MaterialsDue(Official, startsAt, Defaults).ShouldBe(new DateOnly(2026, 9, 21));
        PreparationDeadlines.NoticeDue(Official, startsAt, Defaults).ShouldBe(new DateOnly(2026, 9, 15));
    }

    [Fact]
    public void Without_the_holiday_table_the_same_activity_would_get_other_dates()
    {
        var weekdaysOnly = new WorkingDays([]);
        var startsAt = NineOClock(new DateOnly(2026, 10, 12));

        PreparationDeadlines.MaterialsDue(weekdaysOnly, startsAt, Defaults).ShouldBe(new DateOnly(2026, 9, 28));
        PreparationDeadlines.NoticeDue(weekdaysOnly, startsAt, Defaults).ShouldBe(new DateOnly(2026, 9, 21));
    }

    [Fact]
    public void The_start_day_is_the_beijing_date_even_when_utc_is_still_the_day_before()
    {
        // 07:00 Beijing on 12 October is 23:00 UTC on 11 October.
        var early = BeijingTime.StartOfDayUtc(new DateOnly(2026, 10, 12)).AddHours(7);
        early.Day.ShouldBe(11);

        PreparationDeadlines.StartDate(early).ShouldBe(new DateOnly(2026, 10, 12));
        PreparationDeadlines.MaterialsDue(Official, early, Defaults).ShouldBe(new DateOnly(2026, 9, 21));
    }

    [Fact]
    public void The_spring_festival_makeup_saturday_counts_and_settings_change_the_lead_time()
    {
        // Friday 20 March 2026: 15 working days back ends on Saturday 28 February (春节调休).
        var startsAt = NineOClock(new DateOnly(2026, 3, 20));
        PreparationDeadlines.NoticeDue(Official, startsAt, Defaults).ShouldBe(new DateOnly(2026, 2, 28));
        PreparationDeadlines.MaterialsDue(Official, startsAt, Defaults).ShouldBe(new DateOnly(2026, 3, 6));

        var shorter = new ConsultationSettings { NoticeWorkingDays = 5, MaterialsWorkingDays = 2 };
        PreparationDeadlines.NoticeDue(Official, startsAt, shorter).ShouldBe(new DateOnly(2026, 3, 13));
        PreparationDeadlines.MaterialsDue(Official, startsAt, shorter).ShouldBe(new DateOnly(2026, 3, 18));
        PreparationDeadlines.WorkingDaysBefore(Official, new DateOnly(2026, 3, 20), 0).ShouldBe(new DateOnly(2026, 3, 20));
    }

    [Fact]
    public void A_deadline_not_met_is_overdue_the_day_after_and_a_met_one_never()
    {
        var startsAt = NineOClock(new DateOnly(2026, 10, 12));
        var draft = new Activity { StartsAt = startsAt, Status = ActivityStatus.Draft };

        var onTheDay = PreparationDeadlines.For(Official, draft, Defaults, new DateOnly(2026, 9, 15));
        onTheDay.Select(d => d.What).ShouldBe(["会议通知", "会议材料"]);
        onTheDay.ShouldAllBe(d => !d.Overdue);

        var dayAfterMaterials = PreparationDeadlines.For(Official, draft, Defaults, new DateOnly(2026, 9, 22));
        dayAfterMaterials.ShouldAllBe(d => d.Overdue && d.DoneAt == null);

        var published = new Activity
        {
            StartsAt = startsAt,
            Status = ActivityStatus.Published,
            PublishedAt = new DateTime(2026, 9, 10, 2, 0, 0, DateTimeKind.Utc),
        };
        var late = PreparationDeadlines.For(Official, published, Defaults, new DateOnly(2026, 9, 22));
        late[0].Overdue.ShouldBeFalse();
        late[0].DoneAt.ShouldBe(published.PublishedAt);
        late[1].Overdue.ShouldBeTrue();
    }

    [Fact]
    public void A_notice_is_near_three_working_days_ahead_counting_over_the_weekend()
    {
        // Thursday 10 September 2026: three working days ahead is Tuesday 15 September.
        var today = new DateOnly(2026, 9, 10);
        PreparationDeadlines.NoticeIsNear(Official, new DateOnly(2026, 9, 15), today).ShouldBeTrue();
        PreparationDeadlines.NoticeIsNear(Official, new DateOnly(2026, 9, 16), today).ShouldBeFalse();
        PreparationDeadlines.NoticeIsNear(Official, new DateOnly(2026, 9, 1), today).ShouldBeTrue();
        PreparationDeadlines.Format(new DateOnly(2026, 9, 15)).ShouldBe("2026年9月15日");
    }
}
