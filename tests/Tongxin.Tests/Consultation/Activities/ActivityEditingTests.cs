using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Activities;

/// <summary>活动管理: an activity made from a plan item links both ways; invitations by sector and by
/// pick; the form's rules in Chinese; the staff to-do of waiting leave requests.</summary>
public class ActivityEditingTests
{
    private static ActivityHandler Activities(IServiceProvider sp) => sp.GetRequiredService<ActivityHandler>();

    [Theory, ClassData(typeof(Databases))]
    public async Task An_activity_created_from_a_plan_item_is_filled_from_it_and_linked_once(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var itemId = await w.App.AsAsync(Actor.System, async sp =>
        {
            var data = sp.GetRequiredService<TongxinDbContext>();
            var plan = new ConsultationPlan { CommitteeId = w.City.Id, Year = 2026, Title = "2026年度协商计划", Pattern = "1+2+6+X", Status = PlanStatus.Published };
            var item = new ConsultationPlanItem
            {
                CommitteeId = w.City.Id,
                PlanId = plan.Id,
                Title = "推进老旧小区改造",
                Format = PlanFormat.Other,
                ActivityType = ActivityType.FaceToFace,
                Month = 6,
                LeadLeader = "陈主席",
                Organizer = "城建专委会",
            };
            data.AddRange(plan, item);
            await data.SaveChangesAsync();
            return item.Id;
        });

        var input = await w.As(w.Staff, sp => Activities(sp).NewInputAsync(itemId));
        input.ShouldSatisfyAllConditions(
            i => i.Title.ShouldBe("推进老旧小区改造"),
            i => i.Type.ShouldBe(ActivityType.FaceToFace),
            i => i.Organizer.ShouldBe("城建专委会"),
            i => i.LeadLeader.ShouldBe("陈主席"),
            i => i.StartsAt.ShouldBe(new DateTime(2026, 6, 15, 9, 0, 0)),
            i => i.PlanItemId.ShouldBe(itemId));
        input.Venue = "市民中心";
        var id = await w.As(w.Staff, sp => Activities(sp).CreateAsync(input));

        (await w.StoredAsync(id)).PlanItemId.ShouldBe(itemId);
        var linked = await w.App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ConsultationPlanItems.AsNoTracking()
            .Where(i => i.Id == itemId).Select(i => i.ActivityId).SingleAsync());
        linked.ShouldBe(id);
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Activities(sp).CreateAsync(input))))
            .Errors[nameof(ActivityInput.PlanItemId)].ShouldBe(["该计划事项已有对应的活动。"]);
        (await Should.ThrowAsync<NotFoundException>(() => w.As(w.CountyStaff, sp => Activities(sp).NewInputAsync(itemId)))).Message.ShouldBe("计划事项不存在或您无权查看。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_invite_a_whole_sector_and_picked_members_once_each(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.ActivityAsync(ActivityStatus.Draft, invited: [w.Member]);
        var countyMember = await w.App.NewActivityMemberAsync(w.County, "区县委员");

        // Both test members are of the committee's first sector; the county member is picked but not of this committee.
        var invited = await w.As(w.Staff, sp => Activities(sp).InviteAsync(id, new InviteInput
        {
            SectorId = w.City.SectorId,
            MemberIds = [w.OtherMember.Actor.MemberId!.Value, countyMember.Actor.MemberId!.Value],
        }));

        invited.ShouldBe(1);
        var places = await w.PlacesAsync(id);
        places.Select(p => p.MemberId).ShouldBe([w.Member.Actor.MemberId!.Value, w.OtherMember.Actor.MemberId!.Value], ignoreOrder: true);
        places.ShouldAllBe(p => p.Invited && p.CommitteeId == w.City.Id);
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Activities(sp).InviteAsync(id, new InviteInput()))))
            .Message.ShouldBe("请选择要邀请的专委会、界别、委员小组或委员。");
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Activities(sp).InviteAsync(id, new InviteInput { SectorId = w.City.OtherSectorId }))))
            .Message.ShouldBe("所选范围内没有本级政协的在任委员。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_form_rules_are_explained_in_chinese_and_nothing_is_saved(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var bad = new ActivityInput
        {
            Type = (ActivityType)77,
            Title = new string('题', 101),
            OnlineLink = "javascript:alert(1)",
            StartsAt = new DateTime(2026, 3, 20, 9, 0, 0),
            HalfDays = 0,
            Mode = AttendanceMode.MustAttend,
            Capacity = 10,
            Organizer = "",
        };

        var errors = (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Activities(sp).CreateAsync(bad)))).Errors;

        errors[nameof(ActivityInput.Type)].ShouldBe(["请选择活动类型。"]);
        errors[nameof(ActivityInput.Title)].ShouldBe(["活动名称不能超过100个字符。"]);
        errors[nameof(ActivityInput.OnlineLink)].ShouldBe(["线上会议链接须以 http:// 或 https:// 开头。"]);
        errors[nameof(ActivityInput.EndsAt)].ShouldBe(["请填写结束时间。"]);
        errors[nameof(ActivityInput.HalfDays)].ShouldBe(["半天数须在 1 到 20 之间。"]);
        errors[nameof(ActivityInput.Mode)].ShouldBe(["名额和报名截止时间只适用于报名参加的活动。"]);
        errors[nameof(ActivityInput.Organizer)].ShouldBe(["请选择或填写组织者。"]);

        var full = await w.ActivityAsync(mode: AttendanceMode.SignUp, capacity: 5);
        await w.SetPlaceAsync(full, w.Member, p => p.Response = ParticipantResponse.SignedUp);
        await w.SetPlaceAsync(full, w.OtherMember, p => p.Response = ParticipantResponse.SignedUp);
        var lower = await w.As(w.Staff, sp => Activities(sp).GetInputAsync(full));
        lower.Capacity = 1;
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Activities(sp).UpdateAsync(full, lower))))
            .Errors[nameof(ActivityInput.Capacity)].ShouldBe(["已有 2 人报名，名额不能少于已报名人数。"]);
        (await w.StoredAsync(full)).Capacity.ShouldBe(5);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Waiting_leave_requests_are_the_staffs_to_do(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.ActivityAsync(invited: [w.Member, w.OtherMember]);
        await w.As(w.Member, sp => sp.GetRequiredService<ParticipationHandler>().RequestLeaveAsync(id, "出差"));

        static Task<IReadOnlyList<TodoItem>> Todos(IServiceProvider sp, Actor actor) =>
            sp.GetServices<ITodoSource>().OfType<ActivityTodos>().Single().GetAsync(actor, default);
        (await w.As(w.Staff, sp => Todos(sp, w.Staff.Actor))).Single(t => t.Title == "待审批的活动请假").Count.ShouldBe(1);
        (await w.As(w.CountyStaff, sp => Todos(sp, w.CountyStaff.Actor))).Single(t => t.Title == "待审批的活动请假").Count.ShouldBe(0);
        (await w.As(w.Member, sp => Todos(sp, w.Member.Actor))).ShouldNotContain(t => t.Title == "待审批的活动请假");
    }
}
