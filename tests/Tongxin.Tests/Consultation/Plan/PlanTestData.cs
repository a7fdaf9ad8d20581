using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Plan;
using Tongxin.Modules.Organization;
using Tongxin.Modules.PublicChannels;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Plan;

/// <summary>A committee with everyone the plan part deals with: consultation staff, staff without the
/// permission, a member (with a member record), a leader, a handling unit, and consultation staff of
/// another committee.</summary>
internal sealed record PlanWorld(
    TestApp App, TestData.TestCommittee Committee, TestData.TestUser Staff, TestData.TestUser StaffWithoutPermission,
    TestData.TestUser Member, string MemberName, TestData.TestUser Leader, TestData.TestUser Unit, TestData.TestUser OtherStaff)
{
    public Task<T> AsStaff<T>(Func<PlanHandler, Task<T>> work) => App.AsAsync(Staff.Actor, sp => work(sp.GetRequiredService<PlanHandler>()));

    public Task AsStaff(Func<PlanHandler, Task> work) => App.AsAsync(Staff.Actor, sp => work(sp.GetRequiredService<PlanHandler>()));

    public Task<T> Pool<T>(Actor actor, Func<TopicPoolHandler, Task<T>> work) => App.AsAsync(actor, sp => work(sp.GetRequiredService<TopicPoolHandler>()));

    public Task Pool(Actor actor, Func<TopicPoolHandler, Task> work) => App.AsAsync(actor, sp => work(sp.GetRequiredService<TopicPoolHandler>()));

    public Task<T> ReadAsync<T>(Func<TongxinDbContext, Task<T>> read) =>
        App.AsAsync(Actor.System, sp => read(sp.GetRequiredService<TongxinDbContext>()));

    public Task<ConsultationPlan> PlanAsync(Guid id) => ReadAsync(db => db.ConsultationPlans.AsNoTracking().SingleAsync(p => p.Id == id));

    public Task<ConsultationTopic> TopicAsync(Guid id) => ReadAsync(db => db.ConsultationTopics.AsNoTracking().SingleAsync(t => t.Id == id));

    public static PlanItemInput Item(string title, PlanFormat format, int month, Guid? topicId = null) => new()
    {
        TopicId = topicId,
        Title = title,
        Format = format,
        ActivityType = format switch
        {
            PlanFormat.Plenary => ActivityType.Plenary,
            PlanFormat.StandingCommittee => ActivityType.StandingCommittee,
            PlanFormat.ChairMeeting => ActivityType.ChairMeeting,
            _ => ActivityType.PleaseComeConsult,
        },
        Month = month,
        LeadLeader = "陈主席",
        Organizer = "经济委员会",
    };

    /// <summary>A 2026 draft plan with the given items (by format and month).</summary>
    public async Task<Guid> DraftPlanAsync(params (PlanFormat Format, int Month)[] items)
    {
        var id = await AsStaff(h => h.CreateAsync(2026, null));
        foreach (var (format, month) in items)
        {
            await AsStaff(h => h.AddItemAsync(id, Item($"{format.DisplayName()}{month}月协商", format, month)));
        }

        return id;
    }

    /// <summary>The "1+2+6+X" shape: one plenary, two standing committee, six chair meeting, two other.</summary>
    public static (PlanFormat, int)[] FullShape =>
    [
        (PlanFormat.Plenary, 1), (PlanFormat.StandingCommittee, 4), (PlanFormat.StandingCommittee, 9),
        (PlanFormat.ChairMeeting, 2), (PlanFormat.ChairMeeting, 3), (PlanFormat.ChairMeeting, 5), (PlanFormat.ChairMeeting, 6),
        (PlanFormat.ChairMeeting, 8), (PlanFormat.ChairMeeting, 10), (PlanFormat.Other, 7), (PlanFormat.Other, 11),
    ];

    /// <summary>A plan taken through both reviews.</summary>
    public async Task<Guid> PublishedPlanAsync(params (PlanFormat Format, int Month)[] items)
    {
        var id = await DraftPlanAsync(items);
        await AsStaff(async h => await h.SubmitAsync(id, (await PlanAsync(id)).Version));
        await AsStaff(async h => await h.ChairApproveAsync(id, (await PlanAsync(id)).Version, null));
        await AsStaff(async h => await h.PublishAsync(id, (await PlanAsync(id)).Version, null));
        return id;
    }

    /// <summary>A 码上征题 suggestion row of this committee.</summary>
    public Task<Guid> NewPublicSuggestionAsync(string title, int supports, TopicSuggestionStatus status = TopicSuggestionStatus.Published) =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var s = new TopicSuggestion
            {
                CommitteeId = Committee.Id,
                Year = 2026,
                Title = title,
                Description = $"{title}的说明。",
                ReceiptCode = "P" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant(),
                IdempotencyKey = Guid.NewGuid().ToString("N"),
                Status = status,
                SupportCount = supports,
                CreatedAt = App.Clock.GetUtcNow().UtcDateTime,
            };
            db.TopicSuggestions.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });

    public static TopicInput Topic(string title, TopicSource source = TopicSource.PartyGovernment) => new()
    {
        Year = 2026,
        Title = title,
        Description = $"{title}的说明。",
        Source = source,
        ProposedBy = "市委办公室",
        NeedNote = "市委年度重点工作",
        WishNote = "群众反映集中",
        AbilityNote = "委员专业优势",
    };
}

internal static class PlanTestData
{
    public static async Task<PlanWorld> NewPlanWorldAsync(this TestApp app)
    {
        var committee = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var name = "林" + Guid.NewGuid().ToString("N")[..4];
        var (memberId, unitId) = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var member = new Member
            {
                CommitteeId = committee.Id,
                Name = name,
                Gender = Gender.Female,
                BirthYear = 1975,
                SectorId = committee.SectorId,
                DutyCode = "P" + Guid.NewGuid().ToString("N")[..12],
            };
            var unit = new HandlingUnit { CommitteeId = committee.Id, Name = "测试住建局" };
            db.AddRange(member, unit);
            await db.SaveChangesAsync();
            return (member.Id, unit.Id);
        });
        return new PlanWorld(app, committee,
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Consultations]),
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Opinions]),
            await app.NewUserAsync(committee, Roles.Member, memberId: memberId),
            name,
            await app.NewUserAsync(committee, Roles.Leader),
            await app.NewUserAsync(committee, Roles.Unit, unitId: unitId),
            await app.NewUserAsync(other, Roles.Staff, Permissions.All));
    }
}
