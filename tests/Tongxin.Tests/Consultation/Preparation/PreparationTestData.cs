using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Preparation;

/// <summary>A committee with consultation staff, staff without the permission, a leader, a unit,
/// two members taking part, one who declined, one not invited, and consultation staff of the parent
/// committee (who may read the committee's activities but not manage them). Activities are inserted as rows (the activities part creates them in
/// the product).</summary>
internal sealed record PreparationWorld(
    TestApp App,
    TestData.TestCommittee Committee,
    TestData.TestUser Staff,
    TestData.TestUser StaffWithoutPermission,
    TestData.TestUser Leader,
    TestData.TestUser Unit,
    TestData.TestUser Participant,
    TestData.TestUser Participant2,
    TestData.TestUser Declined,
    TestData.TestUser Outsider,
    TestData.TestUser OtherCommitteeStaff)
{
    public Guid ParticipantMemberId => Participant.Actor.MemberId!.Value;

    public Task<T> ReadAsync<T>(Func<TongxinDbContext, Task<T>> read) =>
        App.AsAsync(Actor.System, sp => read(sp.GetRequiredService<TongxinDbContext>()));

    public Task<T> AsAsync<T>(TestData.TestUser user, Func<IServiceProvider, Task<T>> work) => App.AsAsync(user.Actor, work);

    public Task AsAsync(TestData.TestUser user, Func<IServiceProvider, Task> work) => App.AsAsync(user.Actor, work);

    /// <summary>An activity of the world's committee with Participant and Participant2 taking part and Declined declining.</summary>
    public Task<Guid> NewActivityAsync(ActivityStatus status = ActivityStatus.Published, DateTimeOffset? startsAt = null, string title = "关于老旧小区改造的专题协商", DateTime? materialsSentAt = null) =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var start = (startsAt ?? App.Clock.GetUtcNow().AddDays(30)).UtcDateTime;
            var activity = new Activity
            {
                CommitteeId = Committee.Id,
                Type = ActivityType.Thematic,
                Title = title,
                Topic = "老旧小区改造",
                Venue = "市政协三楼会议室",
                StartsAt = start,
                EndsAt = start.AddHours(3),
                Organizer = "城建委",
                Status = status,
                SignInSecret = Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
                CreatedAt = App.Clock.GetUtcNow().UtcDateTime,
                PublishedAt = status == ActivityStatus.Draft ? null : App.Clock.GetUtcNow().UtcDateTime,
                MaterialsSentAt = materialsSentAt,
            };
            db.Activities.Add(activity);
            db.ActivityParticipants.AddRange(
                new ActivityParticipant { CommitteeId = Committee.Id, ActivityId = activity.Id, MemberId = ParticipantMemberId, Invited = true },
                new ActivityParticipant { CommitteeId = Committee.Id, ActivityId = activity.Id, MemberId = Participant2.Actor.MemberId!.Value, Invited = true, Response = ParticipantResponse.SignedUp },
                new ActivityParticipant { CommitteeId = Committee.Id, ActivityId = activity.Id, MemberId = Declined.Actor.MemberId!.Value, Invited = true, Response = ParticipantResponse.Declined });
            await db.SaveChangesAsync();
            return activity.Id;
        });

    /// <summary>Adds <paramref name="member"/> to the activity's participants (signed up).</summary>
    public Task AddParticipantAsync(Guid activityId, TestData.TestUser member) =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            db.ActivityParticipants.Add(new ActivityParticipant { CommitteeId = Committee.Id, ActivityId = activityId, MemberId = member.Actor.MemberId!.Value, Response = ParticipantResponse.SignedUp });
            await db.SaveChangesAsync();
        });

    public Task<Activity> ActivityAsync(Guid id) => ReadAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == id));

    /// <summary>Inbox titles of a user.</summary>
    public Task<List<string>> InboxAsync(TestData.TestUser user) =>
        ReadAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id).OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync());
}

internal static class PreparationTestData
{
    public static async Task<PreparationWorld> NewPreparationWorldAsync(this TestApp app)
    {
        var parent = await app.NewCommitteeAsync();
        var committee = await app.NewCommitteeAsync(parent.Id, parentMayRead: true, level: CommitteeLevel.County);
        var unitId = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var unit = new HandlingUnit { CommitteeId = committee.Id, Name = "测试住建局", ContactPerson = "王科长", ContactPhone = "0571-88880000" };
            db.HandlingUnits.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        return new PreparationWorld(app, committee,
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Consultations]),
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Proposals, Permissions.Opinions]),
            await app.NewUserAsync(committee, Roles.Leader),
            await app.NewUserAsync(committee, Roles.Unit, unitId: unitId),
            await NewMemberAsync(app, committee, "张参会"),
            await NewMemberAsync(app, committee, "李参会"),
            await NewMemberAsync(app, committee, "王请辞"),
            await NewMemberAsync(app, committee, "赵未邀"),
            await app.NewUserAsync(parent, Roles.Staff, [Permissions.Consultations]));
    }

    private static async Task<TestData.TestUser> NewMemberAsync(TestApp app, TestData.TestCommittee committee, string name)
    {
        var memberId = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var member = new Member
            {
                CommitteeId = committee.Id,
                Name = name,
                Gender = Gender.Female,
                BirthYear = 1975,
                DutyCode = "P" + Guid.NewGuid().ToString("N")[..12],
            };
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
        return await app.NewUserAsync(committee, Roles.Member, memberId: memberId);
    }
}
