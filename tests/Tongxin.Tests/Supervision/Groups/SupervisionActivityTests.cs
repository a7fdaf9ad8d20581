using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Groups;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Groups;

/// <summary>监督活动: created from a group on the shared engine (type 民主监督, the group invited, a link
/// row); supervision staff publish, sign in and close it on the engine, which fixes attendance and
/// raises ActivityAttendanceFixed; they cannot manage other activity types, and consultation staff
/// keep every right they had.</summary>
public class SupervisionActivityTests
{
    private static SupervisionActivityHandler Handler(IServiceProvider sp) => sp.GetRequiredService<SupervisionActivityHandler>();

    private static ActivityHandler Engine(IServiceProvider sp) => sp.GetRequiredService<ActivityHandler>();

    [Theory, ClassData(typeof(Databases))]
    public async Task Supervision_staff_create_an_activity_for_a_group_and_run_it_on_the_engine_to_fixed_attendance(Db db)
    {
        // The clock moves to the activity's day: an app of its own.
        await using var app = await TestApp.CreateIsolatedAsync(db);
        var w = await SupervisionWorld.CreateAsync(app);
        var topic = await w.TopicAsync(w.Staff, "专项乙");
        var group = await w.GroupAsync("市场监督组", topic, w.Member, w.OtherMember);

        var id = await w.As(w.Staff, sp => Handler(sp).CreateAsync(group, SupervisionWorld.ActivityInput()));

        var activity = await w.QueryAsync(d => d.Activities.AsNoTracking().SingleAsync(a => a.Id == id));
        activity.ShouldSatisfyAllConditions(
            a => a.Type.ShouldBe(ActivityType.Supervision),
            a => a.Status.ShouldBe(ActivityStatus.Draft),
            a => a.CommitteeId.ShouldBe(w.City.Id),
            a => a.Organizer.ShouldBe("市场监督组"),
            a => a.InvitedDepartments.ShouldBe("测试市场监管局"),
            a => a.Mode.ShouldBe(AttendanceMode.MustAttend),
            a => a.StartsAt.ShouldBe(new DateTime(2026, 3, 10, 1, 0, 0, DateTimeKind.Utc)));
        var link = await w.QueryAsync(d => d.SupervisionActivities.AsNoTracking().SingleAsync(s => s.ActivityId == id));
        (link.GroupId, link.TopicId, link.Kind, link.CommitteeId).ShouldBe((group, (Guid?)topic, SupervisionActivityKind.UnannouncedVisit, w.City.Id));
        (await w.PlacesAsync(id)).Select(p => (p.MemberId, p.Invited)).ShouldBe([(w.MemberId, true), (w.OtherMemberId, true)], ignoreOrder: true);

        await w.As(w.Staff, sp => Engine(sp).PublishAsync(id));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 1, 30, 0, TimeSpan.Zero));
        var place = (await w.PlacesAsync(id)).Single(p => p.MemberId == w.MemberId).Id;
        await w.As(w.Staff, sp => sp.GetRequiredService<SignInHandler>().SignInManuallyAsync(id, place));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 5, 0, 0, TimeSpan.Zero));
        (await w.As(w.Staff, sp => Engine(sp).CloseAsync(id))).ShouldBe(2);

        var events = await w.QueryAsync(d => d.OutboxMessages.AsNoTracking()
            .Where(m => m.Type == nameof(ActivityAttendanceFixed) && m.Payload.Contains(id.ToString())).Select(m => m.Payload).ToListAsync());
        events.Select(e => JsonSerializer.Deserialize<ActivityAttendanceFixed>(e)!).Select(e => (e.MemberId, e.Attendance, e.Type))
            .ShouldBe([(w.MemberId, Attendance.Present, ActivityType.Supervision), (w.OtherMemberId, Attendance.Absent, ActivityType.Supervision)], ignoreOrder: true);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_activity_input_an_empty_or_stopped_group_are_explained_and_leave_nothing_behind(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var empty = await w.GroupAsync("空小组");
        var bad = SupervisionWorld.ActivityInput("");
        bad.Venue = "";
        bad.EndsAt = bad.StartsAt!.Value.AddHours(-1);
        var invalid = await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Handler(sp).CreateAsync(empty, bad)));
        invalid.Errors["Venue"].ShouldBe(["活动地点不能为空。"]);
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Handler(sp).CreateAsync(empty, SupervisionWorld.ActivityInput()))))
            .Errors["Title"].ShouldBe(["小组尚无在任的监督员，请先添加小组成员。"]);

        var group = await w.GroupAsync("有人小组", null, w.Member);
        bad.Venue = "现场";
        var engine = await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Handler(sp).CreateAsync(group, bad)));
        engine.Errors["Title"].ShouldBe(["活动名称不能为空。"]);
        engine.Errors["EndsAt"].ShouldBe(["结束时间须晚于开始时间。"]);
        (await w.QueryAsync(d => d.SupervisionActivities.CountAsync(s => s.GroupId == group))).ShouldBe(0);
        (await w.QueryAsync(d => d.Activities.CountAsync(a => a.CommitteeId == w.City.Id))).ShouldBe(0);

        var input = await w.As(w.Staff, sp => sp.GetRequiredService<GroupHandler>().GetInputAsync(group));
        input.IsActive = false;
        await w.As(w.Staff, sp => sp.GetRequiredService<GroupHandler>().UpdateAsync(group, input));
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Handler(sp).CreateAsync(group, SupervisionWorld.ActivityInput()))))
            .Message.ShouldBe("该小组已停用，不能新建监督活动。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Supervision_staff_manage_only_supervision_activities_and_consultation_staff_keep_all_their_rights(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var group = await w.GroupAsync("检查组", null, w.Member);
        var supervision = await w.As(w.Staff, sp => Handler(sp).CreateAsync(group, SupervisionWorld.ActivityInput()));

        // A consultation activity: supervision staff may neither create nor touch one.
        var consultationInput = new ActivityInput
        {
            Type = ActivityType.PleaseComeConsult,
            Title = "请你来协商",
            Venue = "议政厅",
            Organizer = "办公室",
            StartsAt = new DateTime(2026, 3, 20, 9, 0, 0),
            EndsAt = new DateTime(2026, 3, 20, 12, 0, 0),
        };
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Engine(sp).CreateAsync(consultationInput))))
            .Errors["Type"].ShouldBe(["只能管理民主监督类型的活动（其他类型需要协商议政管理权限）。"]);
        var consultation = await w.As(w.ConsultationStaff, sp => Engine(sp).CreateAsync(consultationInput));
        // Its draft is not even visible to them; once published, they are refused.
        await Should.ThrowAsync<NotFoundException>(() => w.As(w.Staff, sp => Engine(sp).PublishAsync(consultation)));
        await w.As(w.ConsultationStaff, sp => Engine(sp).PublishAsync(consultation));
        (await Should.ThrowAsync<ForbiddenException>(() => w.As(w.Staff, sp => Engine(sp).CancelAsync(consultation))))
            .Message.ShouldBe("只有具有协商议政管理权限的工作人员可以执行此操作。");
        await Should.ThrowAsync<ForbiddenException>(() => w.As(w.Staff, sp => sp.GetRequiredService<ActivityQueries>().ParticipantsAsync(consultation)));

        // Nor turn a supervision activity into another type.
        var edit = await w.As(w.Staff, sp => Engine(sp).GetInputAsync(supervision));
        edit.Type = ActivityType.Thematic;
        await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Engine(sp).UpdateAsync(supervision, edit)));
        edit.Type = ActivityType.Supervision;
        edit.Title = "暗访农贸市场（改期）";
        await w.As(w.Staff, sp => Engine(sp).UpdateAsync(supervision, edit));

        // Consultation staff still manage both; the county's supervision staff neither.
        (await w.As(w.ConsultationStaff, sp => sp.GetRequiredService<ActivityQueries>().ParticipantsAsync(supervision))).Count.ShouldBe(1);
        await Should.ThrowAsync<NotFoundException>(() => w.As(w.CountyStaff, sp => Engine(sp).PublishAsync(supervision)));
        // Preparation stays consultation-only.
        await Should.ThrowAsync<ForbiddenException>(() => w.As(w.Staff, sp => sp.GetRequiredService<ConsultationAccess>().LoadActivityForStaffAsync(supervision)));
        // Members do not see the draft; supervision staff do.
        await Should.ThrowAsync<NotFoundException>(() => w.As(w.Member, sp => sp.GetRequiredService<ActivityQueries>().DetailAsync(supervision)));
        (await w.As(w.Staff, sp => sp.GetRequiredService<ActivityQueries>().DetailAsync(supervision))).Title.ShouldBe("暗访农贸市场（改期）");
    }
}
