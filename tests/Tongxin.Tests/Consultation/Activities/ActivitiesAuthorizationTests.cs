using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Activities;

/// <summary>Who may do what with an activity – the invited member (own place) / another member /
/// consultation staff / staff without the permission / county staff on a city activity and city staff
/// on a county one / leader / unit – decided by the handlers.</summary>
public class ActivitiesAuthorizationTests
{
    private const string Member = "受邀委员";
    private const string Other = "其他委员";
    private const string Staff = "协商工作人员";
    private const string NoPermission = "无协商权限的工作人员";
    private const string CountyStaff = "区县协商工作人员";
    private const string Leader = "领导";
    private const string Unit = "承办单位";

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_activity_action_is_allowed_exactly_where_it_should_be(Db db)
    {
        var w = await ActivitiesWorld.CreateAsync(await TestApp.SharedAsync(db));
        var countyMember = await w.App.NewActivityMemberAsync(w.County, "区委员");
        var actors = new (string Who, Actor Actor)[]
        {
            (Member, w.Member.Actor), (Other, w.OtherMember.Actor), (Staff, w.Staff.Actor), (NoPermission, w.StaffWithoutPermission.Actor),
            (CountyStaff, w.CountyStaff.Actor), (Leader, w.Leader.Actor), (Unit, w.Unit.Actor),
        };
        static ActivityHandler Activities(IServiceProvider sp) => sp.GetRequiredService<ActivityHandler>();
        static ParticipationHandler Participation(IServiceProvider sp) => sp.GetRequiredService<ParticipationHandler>();
        static SignInHandler SignIn(IServiceProvider sp) => sp.GetRequiredService<SignInHandler>();

        async Task<Func<IServiceProvider, Task>> On(Func<Task<Guid>> arrange, Func<IServiceProvider, Guid, Task> act)
        {
            var id = await arrange();
            return sp => act(sp, id);
        }

        Task<Guid> Draft() => w.ActivityAsync(ActivityStatus.Draft, invited: [w.Member]);
        Task<Guid> Running() => w.RunningAsync(w.Member);
        Task<Guid> Ended() => w.ActivityAsync(startsIn: TimeSpan.FromDays(-1), invited: [w.Member]);
        Task<Guid> Upcoming() => w.ActivityAsync(invited: [w.Member, w.OtherMember]);
        async Task<Guid> WithLeave()
        {
            var id = await w.ActivityAsync(invited: [w.Member]);
            await w.SetPlaceAsync(id, w.Member, p => { p.Leave = LeaveStatus.Requested; p.LeaveReason = "出差"; p.LeaveRequestCount = 1; });
            return id;
        }

        Task<Guid> CountyRunning() => w.ActivityAsync(startsIn: TimeSpan.FromMinutes(-30), committee: w.County, invited: [countyMember]);
        var input = new ActivityInput
        {
            Title = "测试活动",
            Venue = "会议室",
            Organizer = "办公室",
            StartsAt = new DateTime(2026, 3, 20, 9, 0, 0),
            EndsAt = new DateTime(2026, 3, 20, 12, 0, 0),
        };
        string[] bothMembers = [Member, Other];

        var cases = new (string Action, Func<Task<Func<IServiceProvider, Task>>> Arrange, string[] Allowed)[]
        {
            ("新建活动", () => Task.FromResult<Func<IServiceProvider, Task>>(sp => Activities(sp).CreateAsync(input)), [Staff, CountyStaff]),
            ("修改活动", () => On(Draft, async (sp, id) => { var i = await Activities(sp).GetInputAsync(id); await Activities(sp).UpdateAsync(id, i); }), [Staff]),
            ("邀请委员", () => On(Draft, (sp, id) => Activities(sp).InviteAsync(id, new InviteInput { MemberIds = [w.OtherMember.Actor.MemberId!.Value] })), [Staff]),
            ("发布", () => On(Draft, (sp, id) => Activities(sp).PublishAsync(id)), [Staff]),
            ("取消", () => On(Upcoming, (sp, id) => Activities(sp).CancelAsync(id)), [Staff]),
            ("结束并确定出勤", () => On(Ended, (sp, id) => Activities(sp).CloseAsync(id)), [Staff]),
            ("查看草稿", () => On(Draft, (sp, id) => sp.GetRequiredService<ActivityQueries>().DetailAsync(id)), [Staff]),
            ("查看已发布的活动", () => On(Upcoming, (sp, id) => sp.GetRequiredService<ActivityQueries>().DetailAsync(id)), [Member, Other, Staff, NoPermission, Leader, Unit]),
            ("查看参加名单", () => On(Upcoming, (sp, id) => sp.GetRequiredService<ActivityQueries>().ParticipantsAsync(id)), [Staff]),
            ("导出活动列表", () => Task.FromResult<Func<IServiceProvider, Task>>(async sp => await (await sp.GetRequiredService<ActivityQueries>().ExportAsync(new ActivityFilter())).DisposeAsync()), [Staff, CountyStaff]),
            ("请假（本人名额）", () => On(Upcoming, (sp, id) => Participation(sp).RequestLeaveAsync(id, "出差")), bothMembers),
            ("审批请假", () => On(WithLeave, async (sp, id) => await Participation(sp).DecideLeaveAsync(id, (await w.PlaceAsync(id, w.Member)).Id, true)), [Staff]),
            ("扫活动码签到", () => On(Running, async (sp, id) => await SignIn(sp).SignInByActivityCodeAsync(id, await w.CurrentCodeAsync(id))), [Member]),
            ("扫履职码签到", () => On(Running, async (sp, id) => await SignIn(sp).SignInByMemberCodeAsync(id, await w.App.DutyCodeAsync(w.Member))), [Staff]),
            ("为他人补签", () => On(Running, async (sp, id) => await SignIn(sp).SignInManuallyAsync(id, (await w.PlaceAsync(id, w.Member)).Id)), [Staff]),
            ("签到大屏", () => On(Running, (sp, id) => SignIn(sp).ScreenAsync(id)), [Staff]),
            ("区县活动补签", () => On(CountyRunning, async (sp, id) => await SignIn(sp).SignInManuallyAsync(id, (await w.PlacesAsync(id)).Single().Id)), [CountyStaff]),
            ("我的活动", () => Task.FromResult<Func<IServiceProvider, Task>>(sp => sp.GetRequiredService<ActivityQueries>().MineAsync(1)), bothMembers),
        };

        var wrong = new List<string>();
        foreach (var (action, arrange, allowed) in cases)
        {
            foreach (var (who, actor) in actors)
            {
                var act = await arrange();
                bool wasAllowed;
                try
                {
                    await w.App.AsAsync(actor, act);
                    wasAllowed = true;
                }
                catch (Exception e) when (e is ForbiddenException or NotFoundException)
                {
                    wasAllowed = false;
                }

                var expected = allowed.Contains(who);
                if (wasAllowed != expected)
                {
                    wrong.Add($"{who}{action}：应{(expected ? "允许" : "拒绝")}，实际{(wasAllowed ? "允许" : "拒绝")}");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }
}
