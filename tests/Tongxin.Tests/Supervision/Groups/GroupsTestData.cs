using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Groups;
using Tongxin.Modules.Supervision.Topics;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Consultation.Activities;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Groups;

/// <summary>A city committee of its own with a county below it (the county lets the city read it), and
/// the people around supervision: supervision staff (no consultation permission), consultation staff
/// (no supervision permission), county supervision staff, two members, a leader and a unit.</summary>
internal sealed record SupervisionWorld(
    TestApp App,
    TestData.TestCommittee City,
    TestData.TestCommittee County,
    TestData.TestUser Staff,
    TestData.TestUser ConsultationStaff,
    TestData.TestUser CountyStaff,
    TestData.TestUser Member,
    TestData.TestUser OtherMember,
    TestData.TestUser Leader,
    TestData.TestUser Unit,
    Guid UnitId)
{
    public static async Task<SupervisionWorld> CreateAsync(TestApp app)
    {
        var city = await app.NewCommitteeAsync();
        var county = await app.NewCommitteeAsync(parentId: city.Id, parentMayRead: true, level: CommitteeLevel.County);
        var unitId = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var unit = new HandlingUnit { CommitteeId = city.Id, Name = "测试市场监管局", Kind = HandlingUnitKind.GovernmentDepartment };
            db.HandlingUnits.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        return new SupervisionWorld(
            app,
            city,
            county,
            await app.NewUserAsync(city, Roles.Staff, [Permissions.Supervision]),
            await app.NewUserAsync(city, Roles.Staff, [Permissions.Consultations]),
            await app.NewUserAsync(county, Roles.Staff, [Permissions.Supervision]),
            await app.NewActivityMemberAsync(city, "赵监督"),
            await app.NewActivityMemberAsync(city, "钱监督"),
            await app.NewUserAsync(city, Roles.Leader),
            await app.NewUserAsync(city, Roles.Unit, unitId: unitId),
            unitId);
    }

    public Guid MemberId => Member.Actor.MemberId!.Value;

    public Guid OtherMemberId => OtherMember.Actor.MemberId!.Value;

    public Task<T> As<T>(TestData.TestUser user, Func<IServiceProvider, Task<T>> work) => App.AsAsync(user.Actor, work);

    public Task As(TestData.TestUser user, Func<IServiceProvider, Task> work) => App.AsAsync(user.Actor, work);

    public static TopicInput Topic(string title, bool open = false, int year = 2026) =>
        new() { Year = year, Title = title, Description = "营商环境专项监督", Departments = "市场监管局", LeadLeader = "孙副主席", OpenForLinkage = open };

    public Task<Guid> TopicAsync(TestData.TestUser staff, string title, bool open = false) =>
        As(staff, sp => sp.GetRequiredService<TopicHandler>().CreateAsync(Topic(title, open)));

    public GroupInput Group(string name, Guid? topicId = null) => new()
    {
        Name = name,
        TopicId = topicId,
        HandlingUnitId = UnitId,
        TermStart = new DateOnly(2026, 1, 1),
        TermEnd = new DateOnly(2026, 12, 31),
        Description = "对口监督市场监管工作",
    };

    /// <summary>A city group with the given members (the first as 组长, the rest as 监督员).</summary>
    public async Task<Guid> GroupAsync(string name, Guid? topicId = null, params TestData.TestUser[] members)
    {
        var id = await As(Staff, sp => sp.GetRequiredService<GroupHandler>().CreateAsync(Group(name, topicId)));
        for (var i = 0; i < members.Length; i++)
        {
            var memberId = members[i].Actor.MemberId!.Value;
            var role = i == 0 ? SupervisorRole.Leader : SupervisorRole.Member;
            await As(Staff, sp => sp.GetRequiredService<GroupHandler>().AddMemberAsync(id, memberId, role));
        }

        return id;
    }

    public static SupervisionActivityInput ActivityInput(string title = "暗访农贸市场") => new()
    {
        Kind = SupervisionActivityKind.UnannouncedVisit,
        Title = title,
        Content = "检查农贸市场价格公示。",
        Venue = "城东农贸市场",
        StartsAt = new DateTime(2026, 3, 10, 9, 0, 0),
        EndsAt = new DateTime(2026, 3, 10, 12, 0, 0),
        HalfDays = 1,
    };

    public Task<T> QueryAsync<T>(Func<TongxinDbContext, Task<T>> query) =>
        App.AsAsync(Actor.System, sp => query(sp.GetRequiredService<TongxinDbContext>()));

    /// <summary>Rows written directly (as the other parts' handlers would have left them).</summary>
    public Task AddAsync(params object[] rows) =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            db.AddRange(rows);
            await db.SaveChangesAsync();
        });

    /// <summary>A problem of a committee's group at a stage of the chain (number unique per committee).</summary>
    public static SupervisionProblem Problem(Guid committeeId, Guid? groupId, Guid? topicId, int number, ProblemStatus status) => new()
    {
        CommitteeId = committeeId,
        Year = 2026,
        Number = number,
        Source = ProblemSource.Supervisor,
        GroupId = groupId,
        TopicId = topicId,
        Title = "问题" + number,
        Description = "价格未公示",
        Status = status,
        RecordedAt = new DateTime(2026, 2, 2, 1, 0, 0, DateTimeKind.Utc),
        AssignDueOn = new DateOnly(2026, 2, 4),
        AssignedAt = status is ProblemStatus.Recorded or ProblemStatus.Dismissed ? null : new DateTime(2026, 2, 3, 1, 0, 0, DateTimeKind.Utc),
        RepliedAt = status is ProblemStatus.Replied or ProblemStatus.Closed ? new DateTime(2026, 2, 6, 1, 0, 0, DateTimeKind.Utc) : null,
        ReturnVisitAt = status is ProblemStatus.Closed ? new DateTime(2026, 2, 9, 1, 0, 0, DateTimeKind.Utc) : null,
        ClosedAt = status is ProblemStatus.Closed ? new DateTime(2026, 2, 9, 1, 0, 0, DateTimeKind.Utc) : null,
    };

    /// <summary>A held (closed) supervision activity of a group, with its link row.</summary>
    public static (Activity, SupervisionActivity) HeldActivity(Guid committeeId, Guid groupId, Guid? topicId, ActivityStatus status = ActivityStatus.Closed)
    {
        var a = new Activity
        {
            CommitteeId = committeeId,
            Type = ActivityType.Supervision,
            Title = "视察" + Guid.NewGuid().ToString("N")[..6],
            Venue = "现场",
            StartsAt = new DateTime(2026, 2, 10, 1, 0, 0, DateTimeKind.Utc),
            EndsAt = new DateTime(2026, 2, 10, 4, 0, 0, DateTimeKind.Utc),
            Organizer = "小组",
            Status = status,
            SignInSecret = SignInCode.NewSecret(),
        };
        return (a, new SupervisionActivity { CommitteeId = committeeId, ActivityId = a.Id, GroupId = groupId, TopicId = topicId, Kind = SupervisionActivityKind.Inspection });
    }

    public static SupervisionLetter Letter(Guid committeeId, Guid groupId, Guid? topicId, bool sent) => new()
    {
        CommitteeId = committeeId,
        Year = 2026,
        GroupId = groupId,
        TopicId = topicId,
        Title = "建议书",
        Status = sent ? LetterStatus.Sent : LetterStatus.Draft,
        SentAt = sent ? new DateTime(2026, 2, 20, 1, 0, 0, DateTimeKind.Utc) : null,
    };

    public Task<List<ActivityParticipant>> PlacesAsync(Guid activityId) =>
        QueryAsync(db => db.ActivityParticipants.AsNoTracking().Where(p => p.ActivityId == activityId).ToListAsync());
}
