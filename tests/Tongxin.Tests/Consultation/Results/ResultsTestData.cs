using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Results;

/// <summary>A member with an account.</summary>
internal sealed record MemberAccount(Guid MemberId, string Name, TestData.TestUser User);

/// <summary>A handling unit with an account.</summary>
internal sealed record UnitAccount(Guid UnitId, string Name, TestData.TestUser User);

/// <summary>One committee of its own with everyone the results loop involves, and another committee's staff.</summary>
internal sealed record ResultsWorld(
    TestApp App, TestData.TestCommittee Committee, TestData.TestUser Staff, TestData.TestUser StaffWithoutPermission,
    MemberAccount Member, MemberAccount Member2, UnitAccount Unit1, UnitAccount Unit2, TestData.TestUser Leader, TestData.TestUser Leader2,
    TestData.TestUser OtherStaff, TestData.TestUser OtherLeader)
{
    public Task<T> As<T>(TestData.TestUser user, Func<IServiceProvider, Task<T>> work) => App.AsAsync(user.Actor, work);

    public Task As(TestData.TestUser user, Func<IServiceProvider, Task> work) => App.AsAsync(user.Actor, work);

    public Task<T> Suggestions<T>(TestData.TestUser user, Func<SuggestionHandler, Task<T>> work) =>
        App.AsAsync(user.Actor, sp => work(sp.GetRequiredService<SuggestionHandler>()));

    public Task Suggestions(TestData.TestUser user, Func<SuggestionHandler, Task> work) =>
        App.AsAsync(user.Actor, sp => work(sp.GetRequiredService<SuggestionHandler>()));

    public Task<T> Minutes<T>(TestData.TestUser user, Func<MinutesHandler, Task<T>> work) =>
        App.AsAsync(user.Actor, sp => work(sp.GetRequiredService<MinutesHandler>()));

    public Task Minutes(TestData.TestUser user, Func<MinutesHandler, Task> work) =>
        App.AsAsync(user.Actor, sp => work(sp.GetRequiredService<MinutesHandler>()));

    public Task<T> Read<T>(Func<TongxinDbContext, Task<T>> read) =>
        App.AsAsync(Actor.System, sp => read(sp.GetRequiredService<TongxinDbContext>()));

    public Task<ConsultationSuggestion> SuggestionAsync(Guid id) =>
        Read(d => d.ConsultationSuggestions.AsNoTracking().SingleAsync(s => s.Id == id));

    /// <summary>Delivers the queued events (notifications) now, and fails with the handler's error
    /// when one of this committee's suggestion events could not be delivered.</summary>
    public async Task DispatchAsync()
    {
        await App.DeliverEventsAsync();
        var committee = Committee.Id.ToString();
        var stuck = await Read(d => d.OutboxMessages.AsNoTracking()
            .Where(m => m.DispatchedAt == null && m.Type == nameof(ConsultationSuggestionChanged) && m.Payload.Contains(committee))
            .Select(m => m.LastError).ToListAsync());
        stuck.ShouldBeEmpty("every suggestion event of this committee is delivered");
    }

    /// <summary>The suggestion events queued for delivery about one suggestion, oldest first.</summary>
    public async Task<IReadOnlyList<ConsultationSuggestionChanged>> EventsAsync(Guid suggestionId)
    {
        var id = suggestionId.ToString();
        var payloads = await Read(d => d.OutboxMessages.AsNoTracking()
            .Where(m => m.Type == nameof(ConsultationSuggestionChanged) && m.Payload.Contains(id))
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        return [.. payloads.Select(p => JsonSerializer.Deserialize<ConsultationSuggestionChanged>(p)!)];
    }

    /// <summary>The titles and bodies of a user's inbox.</summary>
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(TestData.TestUser user) =>
        (await As(user, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1, 50))).Items;

    /// <summary>A valid suggestion input raised by the first member.</summary>
    public SuggestionInput Input(string title = "关于增设社区充电桩的建议") =>
        new() { Title = title, Content = "老旧小区飞线充电隐患大，建议增设集中充电桩。", RaisedByMemberId = Member.MemberId };
}

/// <summary>Arrangements for the results tests: activities are inserted as rows (their workflow is another part).</summary>
internal static class ResultsTestData
{
    public static async Task<ResultsWorld> NewResultsWorldAsync(this TestApp app)
    {
        var committee = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var (members, units) = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var members = new[] { "王协商", "李建言" }.Select(n => new Member
            {
                CommitteeId = committee.Id,
                Name = n,
                Gender = Gender.Male,
                BirthYear = 1972,
                DutyCode = "R" + Guid.NewGuid().ToString("N")[..15],
                SectorId = committee.SectorId,
            }).ToList();
            var units = new[] { "市住房和城乡建设局", "市交通运输局" }
                .Select(n => new HandlingUnit { CommitteeId = committee.Id, Name = n, Kind = HandlingUnitKind.GovernmentDepartment }).ToList();
            db.AddRange(members);
            db.AddRange(units);
            await db.SaveChangesAsync();
            return (members, units);
        });
        return new ResultsWorld(
            app,
            committee,
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Consultations]),
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Proposals, Permissions.Opinions]),
            new MemberAccount(members[0].Id, members[0].Name, await app.NewUserAsync(committee, Roles.Member, memberId: members[0].Id)),
            new MemberAccount(members[1].Id, members[1].Name, await app.NewUserAsync(committee, Roles.Member, memberId: members[1].Id)),
            new UnitAccount(units[0].Id, units[0].Name, await app.NewUserAsync(committee, Roles.Unit, unitId: units[0].Id)),
            new UnitAccount(units[1].Id, units[1].Name, await app.NewUserAsync(committee, Roles.Unit, unitId: units[1].Id)),
            await app.NewUserAsync(committee, Roles.Leader),
            await app.NewUserAsync(committee, Roles.Leader),
            await app.NewUserAsync(other, Roles.Staff, [Permissions.Consultations]),
            await app.NewUserAsync(other, Roles.Leader));
    }

    /// <summary>An activity row; <paramref name="startsAt"/> is Beijing time. Present members get a
    /// participant row with attendance 出席, absent ones 缺席.</summary>
    public static Task<Guid> NewActivityAsync(
        this ResultsWorld w, ActivityStatus status = ActivityStatus.Closed, ActivityType type = ActivityType.PleaseComeConsult,
        string venue = "市政协会议室", DateTime? startsAt = null, int present = 0, int absent = 0, string title = "请你来协商：老旧小区改造") =>
        w.App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var startUtc = startsAt is { } s ? DateTime.SpecifyKind(s - BeijingTime.Offset, DateTimeKind.Utc) : w.App.Clock.GetUtcNow().UtcDateTime.AddDays(-7);
            var activity = new Activity
            {
                CommitteeId = w.Committee.Id,
                Type = type,
                Title = title,
                Topic = "老旧小区改造",
                Venue = venue,
                StartsAt = startUtc,
                EndsAt = startUtc.AddHours(3),
                Organizer = "城建委",
                Status = status,
                SignInSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                CreatedAt = startUtc.AddDays(-20),
                ClosedAt = status == ActivityStatus.Closed ? startUtc.AddHours(4) : null,
            };
            db.Activities.Add(activity);
            if (present + absent > 0)
            {
                var extra = Enumerable.Range(0, present + absent).Select(i => new Member
                {
                    CommitteeId = w.Committee.Id,
                    Name = $"参会委员{i}",
                    Gender = Gender.Female,
                    BirthYear = 1980,
                    DutyCode = "P" + Guid.NewGuid().ToString("N")[..15],
                }).ToList();
                db.Members.AddRange(extra);
                db.ActivityParticipants.AddRange(extra.Select((m, i) => new ActivityParticipant
                {
                    CommitteeId = w.Committee.Id,
                    ActivityId = activity.Id,
                    MemberId = m.Id,
                    Invited = true,
                    Attendance = i < present ? Attendance.Present : Attendance.Absent,
                }));
            }

            await db.SaveChangesAsync();
            return activity.Id;
        });

    /// <summary>Records a suggestion at the activity as the staff.</summary>
    public static Task<Guid> RecordAsync(this ResultsWorld w, Guid activityId, string title = "关于增设社区充电桩的建议") =>
        w.Suggestions(w.Staff, h => h.RecordAsync(activityId, w.Input(title)));

    /// <summary>Records, assigns to unit 1 and lets it answer.</summary>
    public static async Task<Guid> AnsweredAsync(this ResultsWorld w, Guid activityId, SuggestionAnswer answer, string title = "关于增设社区充电桩的建议")
    {
        var id = await w.RecordAsync(activityId, title);
        await w.Suggestions(w.Staff, h => h.AssignAsync(id, w.Unit1.UnitId));
        await w.Suggestions(w.Unit1.User, h => h.AnswerAsync(id, answer, "经研究，按答复意见办理。"));
        return id;
    }

    /// <summary>Sets the committee's consultation settings.</summary>
    public static Task SetSettingsAsync(this ResultsWorld w, Action<ConsultationSettings> change) =>
        w.App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var settings = new ConsultationSettings { CommitteeId = w.Committee.Id };
            change(settings);
            db.ConsultationSettings.Add(settings);
            await db.SaveChangesAsync();
        });
}
