using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Activities;

/// <summary>报名与请假: capacity (also under concurrent sign-ups), deadline, declining, and the leave
/// limit (two requests, the second only after a refusal).</summary>
public class ParticipationTests
{
    private static ParticipationHandler Participation(IServiceProvider sp) => sp.GetRequiredService<ParticipationHandler>();

    [Theory, ClassData(typeof(Databases))]
    public async Task Concurrent_sign_ups_never_take_more_places_than_the_capacity(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ActivitiesWorld.CreateAsync(app);
        var id = await w.ActivityAsync(mode: AttendanceMode.SignUp, capacity: 3);
        var members = new List<TestData.TestUser>();
        for (var i = 0; i < 8; i++)
        {
            members.Add(await app.NewActivityMemberAsync(w.City, $"报名委员{i}"));
        }

        var results = await Task.WhenAll(members.Select(async m =>
        {
            try
            {
                await w.As(m, sp => Participation(sp).SignUpAsync(id));
                return "ok";
            }
            catch (ConflictException e)
            {
                return e.Message;
            }
        }));

        var places = await w.PlacesAsync(id);
        places.Count(p => p.Response == ParticipantResponse.SignedUp).ShouldBe(3);
        results.Count(r => r == "ok").ShouldBe(3);
        results.Where(r => r != "ok").ShouldAllBe(r => r == "名额已满（共 3 人），不能再报名。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Sign_up_keeps_to_the_mode_the_deadline_and_the_start_and_a_decline_frees_the_place(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var mustAttend = await w.ActivityAsync(invited: [w.Member]);
        var closedSignUp = await w.ActivityAsync(mode: AttendanceMode.SignUp, deadline: w.Now.AddHours(-1));
        var full = await w.ActivityAsync(mode: AttendanceMode.SignUp, capacity: 1);

        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Member, sp => Participation(sp).SignUpAsync(mustAttend))))
            .Message.ShouldBe("该活动为必须参加的活动，无需报名。");
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Member, sp => Participation(sp).DeclineAsync(mustAttend))))
            .Message.ShouldBe("必须参加的活动不能直接拒绝，如不能参加请提交请假申请。");
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Member, sp => Participation(sp).SignUpAsync(closedSignUp))))
            .Message.ShouldBe("报名已于 2026-03-02 08:00 截止。");

        await w.As(w.Member, sp => Participation(sp).SignUpAsync(full));
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Member, sp => Participation(sp).SignUpAsync(full))))
            .Message.ShouldBe("您已报名该活动。");
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.OtherMember, sp => Participation(sp).SignUpAsync(full))))
            .Message.ShouldBe("名额已满（共 1 人），不能再报名。");
        await w.As(w.Member, sp => Participation(sp).DeclineAsync(full));
        (await w.PlaceAsync(full, w.Member)).Response.ShouldBe(ParticipantResponse.Declined);
        await w.As(w.OtherMember, sp => Participation(sp).SignUpAsync(full));
        (await w.PlaceAsync(full, w.OtherMember)).Response.ShouldBe(ParticipantResponse.SignedUp);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_asks_leave_at_most_twice_and_the_second_time_only_after_a_refusal(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.ActivityAsync(invited: [w.Member]);
        var placeId = (await w.PlaceAsync(id, w.Member)).Id;

        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Member, sp => Participation(sp).RequestLeaveAsync(id, "  "))))
            .Errors["reason"].ShouldBe(["请假事由不能为空。"]);
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Member, sp => Participation(sp).RequestLeaveAsync(id, new string('忙', 201)))))
            .Errors["reason"].ShouldBe(["请假事由不能超过200个字符。"]);

        await w.As(w.Member, sp => Participation(sp).RequestLeaveAsync(id, "出差在外"));
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Member, sp => Participation(sp).RequestLeaveAsync(id, "再请一次"))))
            .Message.ShouldBe("您的请假申请正在审批中，请等待结果。");
        await w.As(w.Staff, sp => Participation(sp).DecideLeaveAsync(id, placeId, approve: false));
        await w.As(w.Member, sp => Participation(sp).RequestLeaveAsync(id, "家中有事"));
        await w.As(w.Staff, sp => Participation(sp).DecideLeaveAsync(id, placeId, approve: false));
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Member, sp => Participation(sp).RequestLeaveAsync(id, "第三次"))))
            .Message.ShouldBe("每次活动最多提交 2 次请假申请，您已用完。");

        var place = await w.PlaceAsync(id, w.Member);
        place.Leave.ShouldBe(LeaveStatus.Refused);
        place.LeaveRequestCount.ShouldBe(2);
        place.LeaveReason.ShouldBe("家中有事");
        place.LeaveDecidedBy.ShouldBe(w.Staff.UserName);
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Participation(sp).DecideLeaveAsync(id, placeId, approve: true))))
            .Message.ShouldBe("该请假申请已处理或已撤回。");
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.OtherMember, sp => Participation(sp).RequestLeaveAsync(id, "不在名单"))))
            .Message.ShouldBe("您不在本次活动的参加名单中，无需请假。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_approved_leave_shows_in_the_members_activities_and_removes_them_from_the_expected_count(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.ActivityAsync(startsIn: TimeSpan.FromMinutes(-30), invited: [w.Member, w.OtherMember]);
        await w.As(w.Member, sp => Participation(sp).RequestLeaveAsync(id, "住院"));
        await w.As(w.Staff, async sp => await Participation(sp).DecideLeaveAsync(id, (await w.PlaceAsync(id, w.Member)).Id, approve: true));

        var screen = await w.As(w.Staff, sp => sp.GetRequiredService<SignInHandler>().ScreenAsync(id));
        screen.Expected.ShouldBe(1);
        var mine = await w.As(w.Member, sp => sp.GetRequiredService<ActivityQueries>().MineAsync(1));
        mine.Upcoming.Single(r => r.Id == id).Leave.ShouldBe(LeaveStatus.Approved);
    }
}
