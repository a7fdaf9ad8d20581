using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Activities;

/// <summary>A city committee of its own with a county below it, and the people around an activity:
/// two members (the invited one and another), consultation staff, staff without the permission,
/// county staff, a leader and a unit.</summary>
internal sealed record ActivitiesWorld(
    TestApp App,
    TestData.TestCommittee City,
    TestData.TestCommittee County,
    TestData.TestUser Member,
    TestData.TestUser OtherMember,
    TestData.TestUser Staff,
    TestData.TestUser StaffWithoutPermission,
    TestData.TestUser CountyStaff,
    TestData.TestUser Leader,
    TestData.TestUser Unit)
{
    public static async Task<ActivitiesWorld> CreateAsync(TestApp app)
    {
        var city = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(parentId: city.Id, parentMayRead: true, level: CommitteeLevel.County);
        var unitId = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var unit = new HandlingUnit { CommitteeId = city.Id, Name = "测试住建局", Kind = HandlingUnitKind.GovernmentDepartment };
            db.HandlingUnits.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        return new ActivitiesWorld(
            app,
            city,
            county,
            await app.NewActivityMemberAsync(city, "李参会"),
            await app.NewActivityMemberAsync(city, "王旁观"),
            await app.NewUserAsync(city, Roles.Staff, [Permissions.Consultations]),
            await app.NewUserAsync(city, Roles.Staff, [Permissions.Proposals]),
            await app.NewUserAsync(county, Roles.Staff, [Permissions.Consultations]),
            await app.NewUserAsync(city, Roles.Leader),
            await app.NewUserAsync(city, Roles.Unit, unitId: unitId));
    }

    public DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    public Task<T> As<T>(TestData.TestUser user, Func<IServiceProvider, Task<T>> work) => App.AsAsync(user.Actor, work);

    public Task As(TestData.TestUser user, Func<IServiceProvider, Task> work) => App.AsAsync(user.Actor, work);

    /// <summary>An activity written directly (as the handlers would have left it), starting
    /// <paramref name="startsIn"/> from now and lasting three hours, with the given members invited.</summary>
    public Task<Guid> ActivityAsync(
        ActivityStatus status = ActivityStatus.Published, TimeSpan? startsIn = null, AttendanceMode mode = AttendanceMode.MustAttend,
        int? capacity = null, DateTime? deadline = null, TestData.TestCommittee? committee = null, TestData.TestUser[]? invited = null) =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var start = Now + (startsIn ?? TimeSpan.FromDays(7));
            var a = new Activity
            {
                CommitteeId = (committee ?? City).Id,
                Type = ActivityType.PleaseComeConsult,
                Title = "请你来协商：测试议题" + Guid.NewGuid().ToString("N")[..6],
                Venue = "协商议政厅",
                StartsAt = start,
                EndsAt = start.AddHours(3),
                Organizer = "测试专委会",
                Mode = mode,
                Capacity = capacity,
                SignUpDeadline = deadline,
                Status = status,
                SignInSecret = SignInCode.NewSecret(),
                CreatedAt = Now,
            };
            db.Activities.Add(a);
            db.ActivityParticipants.AddRange((invited ?? []).Select(u => new ActivityParticipant
            {
                CommitteeId = a.CommitteeId,
                ActivityId = a.Id,
                MemberId = u.Actor.MemberId!.Value,
                Invited = true,
            }));
            await db.SaveChangesAsync();
            return a.Id;
        });

    /// <summary>An activity happening now (started half an hour ago): sign-in is open.</summary>
    public Task<Guid> RunningAsync(params TestData.TestUser[] invited) =>
        ActivityAsync(startsIn: TimeSpan.FromMinutes(-30), invited: invited);

    public Task<Activity> StoredAsync(Guid id) =>
        App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Activities.AsNoTracking().SingleAsync(a => a.Id == id));

    public Task<List<ActivityParticipant>> PlacesAsync(Guid id) =>
        App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ActivityParticipants.AsNoTracking()
            .Where(p => p.ActivityId == id).ToListAsync());

    public async Task<ActivityParticipant> PlaceAsync(Guid id, TestData.TestUser member) =>
        (await PlacesAsync(id)).Single(p => p.MemberId == member.Actor.MemberId);

    /// <summary>Changes a participant's row directly (a state the test starts from).</summary>
    public Task SetPlaceAsync(Guid id, TestData.TestUser member, Action<ActivityParticipant> change) =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var memberId = member.Actor.MemberId!.Value;
            var p = await db.ActivityParticipants.SingleOrDefaultAsync(x => x.ActivityId == id && x.MemberId == memberId);
            if (p is null)
            {
                p = new ActivityParticipant { CommitteeId = member.CommitteeId, ActivityId = id, MemberId = memberId };
                db.ActivityParticipants.Add(p);
            }

            change(p);
            await db.SaveChangesAsync();
        });

    /// <summary>The activity's current on-screen code.</summary>
    public async Task<string> CurrentCodeAsync(Guid id) =>
        SignInCode.Current((await StoredAsync(id)).SignInSecret, App.Clock.GetUtcNow(), 60);

    /// <summary>The ActivityAttendanceFixed events in the outbox for an activity.</summary>
    public async Task<List<ActivityAttendanceFixed>> AttendanceEventsAsync(Guid id)
    {
        var payloads = await App.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type == nameof(ActivityAttendanceFixed) && m.Payload.Contains(id.ToString())).Select(m => m.Payload).ToListAsync());
        return [.. payloads.Select(p => JsonSerializer.Deserialize<ActivityAttendanceFixed>(p)!).Where(e => e.ActivityId == id)];
    }
}

internal static class ActivitiesTestData
{
    /// <summary>A member of the committee with a member account.</summary>
    public static async Task<TestData.TestUser> NewActivityMemberAsync(this TestApp app, TestData.TestCommittee committee, string name)
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
                Party = "无党派人士",
                SectorId = committee.SectorId,
                Mobile = "13900002222",
                DutyCode = "A" + Guid.NewGuid().ToString("N")[..12],
            };
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
        return await app.NewUserAsync(committee, Roles.Member, memberId: memberId);
    }

    public static Task<string> DutyCodeAsync(this TestApp app, TestData.TestUser member) =>
        app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().Members.Where(m => m.Id == member.Actor.MemberId)
            .Select(m => m.DutyCode).SingleAsync());
}
