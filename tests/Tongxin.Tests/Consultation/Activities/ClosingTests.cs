using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Activities;

/// <summary>结束活动: attendance is fixed for every participant and one ActivityAttendanceFixed per
/// counted participant is stored in the same save; a second close is refused.</summary>
public class ClosingTests
{
    private static ActivityHandler Activities(IServiceProvider sp) => sp.GetRequiredService<ActivityHandler>();

    [Theory, ClassData(typeof(Databases))]
    public async Task Closing_a_must_attend_activity_fixes_present_on_leave_and_absent_and_raises_one_event_each(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var onLeave = await w.App.NewActivityMemberAsync(w.City, "孙请假");
        var refused = await w.App.NewActivityMemberAsync(w.City, "周未准");
        var id = await w.ActivityAsync(startsIn: TimeSpan.FromDays(-1), invited: [w.Member, w.OtherMember, onLeave, refused]);
        await w.SetPlaceAsync(id, w.Member, p => { p.SignedInAt = w.Now.AddDays(-1); p.SignInMethod = SignInMethod.ActivityCode; });
        await w.SetPlaceAsync(id, onLeave, p => { p.Leave = LeaveStatus.Approved; p.LeaveRequestCount = 1; });
        await w.SetPlaceAsync(id, refused, p => { p.Leave = LeaveStatus.Refused; p.LeaveRequestCount = 1; });

        (await w.As(w.Staff, sp => Activities(sp).CloseAsync(id))).ShouldBe(4);

        var stored = await w.StoredAsync(id);
        stored.Status.ShouldBe(ActivityStatus.Closed);
        stored.ClosedAt.ShouldBe(w.Now);
        var attendance = (await w.PlacesAsync(id)).ToDictionary(p => p.MemberId, p => p.Attendance);
        attendance[w.Member.Actor.MemberId!.Value].ShouldBe(Attendance.Present);
        attendance[onLeave.Actor.MemberId!.Value].ShouldBe(Attendance.OnLeave);
        attendance[refused.Actor.MemberId!.Value].ShouldBe(Attendance.Absent);
        attendance[w.OtherMember.Actor.MemberId!.Value].ShouldBe(Attendance.Absent);

        var events = await w.AttendanceEventsAsync(id);
        events.Count.ShouldBe(4);
        events.ToDictionary(e => e.MemberId, e => e.Attendance).ShouldBe(attendance, ignoreOrder: true);
        events.ShouldAllBe(e => e.MustAttend && e.CommitteeId == w.City.Id && e.Type == ActivityType.PleaseComeConsult
            && e.HalfDays == 1 && e.Date == new DateOnly(2026, 3, 1));

        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Activities(sp).CloseAsync(id))))
            .Message.ShouldBe("活动已结束，出勤已确定，不能重复结束。");
        (await w.AttendanceEventsAsync(id)).Count.ShouldBe(4);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task In_a_sign_up_activity_those_who_declined_or_never_signed_up_are_not_counted(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var declined = await w.App.NewActivityMemberAsync(w.City, "吴不去");
        var absent = await w.App.NewActivityMemberAsync(w.City, "郑报名未到");
        var id = await w.ActivityAsync(startsIn: TimeSpan.FromDays(-2), mode: AttendanceMode.SignUp, invited: [w.OtherMember]);
        await w.SetPlaceAsync(id, w.Member, p => { p.Response = ParticipantResponse.SignedUp; p.SignedInAt = w.Now.AddDays(-2); });
        await w.SetPlaceAsync(id, declined, p => p.Response = ParticipantResponse.Declined);
        await w.SetPlaceAsync(id, absent, p => p.Response = ParticipantResponse.SignedUp);

        (await w.As(w.Staff, sp => Activities(sp).CloseAsync(id))).ShouldBe(2);

        var attendance = (await w.PlacesAsync(id)).ToDictionary(p => p.MemberId, p => p.Attendance);
        attendance[w.Member.Actor.MemberId!.Value].ShouldBe(Attendance.Present);
        attendance[absent.Actor.MemberId!.Value].ShouldBe(Attendance.Absent);
        attendance[declined.Actor.MemberId!.Value].ShouldBe(Attendance.NotCounted);
        attendance[w.OtherMember.Actor.MemberId!.Value].ShouldBe(Attendance.NotCounted);
        var events = await w.AttendanceEventsAsync(id);
        events.Select(e => (e.MemberId, e.Attendance, e.MustAttend)).ShouldBe(
            [(w.Member.Actor.MemberId!.Value, Attendance.Present, false), (absent.Actor.MemberId!.Value, Attendance.Absent, false)], ignoreOrder: true);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_activity_is_closed_only_after_its_end_and_only_when_published(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var running = await w.RunningAsync(w.Member);
        var draft = await w.ActivityAsync(ActivityStatus.Draft, startsIn: TimeSpan.FromDays(-3));

        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Activities(sp).CloseAsync(running))))
            .Message.ShouldBe("活动尚未结束（2026-03-02 11:30 结束），结束后才能确认出勤。");
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Activities(sp).CloseAsync(draft))))
            .Message.ShouldBe("活动草稿，不能结束。");
        (await w.StoredAsync(running)).Status.ShouldBe(ActivityStatus.Published);
        (await w.AttendanceEventsAsync(running)).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Publishing_tells_the_invited_members_and_cancelling_tells_them_again(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.ActivityAsync(ActivityStatus.Draft, invited: [w.Member]);

        await w.As(w.Staff, sp => Activities(sp).PublishAsync(id));
        (await w.StoredAsync(id)).Status.ShouldBe(ActivityStatus.Published);
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Activities(sp).PublishAsync(id))))
            .Message.ShouldBe("活动已发布，不能发布。");
        await w.As(w.Staff, sp => Activities(sp).CancelAsync(id));

        var payloads = await w.App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type == nameof(ActivityNotice) && m.Payload.Contains(id.ToString())).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        var notices = payloads.Select(p => JsonSerializer.Deserialize<ActivityNotice>(p)!).ToList();
        notices.Select(n => n.Title).ShouldBe(["活动通知", "活动已取消"]);
        notices.ShouldAllBe(n => n.ActivityId == id && n.MemberIds.SequenceEqual(new[] { w.Member.Actor.MemberId!.Value }));
    }
}
