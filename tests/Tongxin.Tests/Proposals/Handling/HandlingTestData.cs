using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Handling;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Handling;

/// <summary>A handling unit with one account.</summary>
internal sealed record UnitAccount(Guid UnitId, string Name, TestData.TestUser User)
{
    public Actor Actor => User.Actor;
}

/// <summary>One committee ready for handling: a session, a proposer, and three units with accounts.</summary>
internal sealed record HandlingWorld(
    TestData.TestCommittee Committee, Guid SessionId, Guid MemberId, string MemberName, TestData.TestUser Member,
    UnitAccount Unit1, UnitAccount Unit2, UnitAccount Unit3);

/// <summary>Arrangements for the unit-side tests. The staff workflow (filing, assigning, reviewing) is
/// another part of the module, so proposals in a given state are inserted as rows here.</summary>
internal static class HandlingTestData
{
    private static int number;

    public static async Task<HandlingWorld> NewHandlingWorldAsync(this TestApp app, Guid? parentCommitteeId = null, CommitteeLevel level = CommitteeLevel.City)
    {
        var committee = await app.NewCommitteeAsync(parentCommitteeId, level: level);
        var (sessionId, memberId, units) = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var term = new Term { CommitteeId = committee.Id, Number = 9, Name = "九届", StartDate = new(2023, 1, 1), EndDate = new(2027, 12, 31) };
            var session = new Session { CommitteeId = committee.Id, TermId = term.Id, Number = 4, Name = "九届四次会议", StartDate = new(2026, 1, 10), EndDate = new(2026, 1, 14), IsCurrent = true };
            var member = new Member { CommitteeId = committee.Id, Name = "王提案", Gender = Gender.Female, BirthYear = 1970, DutyCode = "H" + Guid.NewGuid().ToString("N")[..15], SectorId = committee.SectorId };
            var units = new[] { "市住房和城乡建设局", "市交通运输局", "市财政局" }
                .Select(n => new HandlingUnit { CommitteeId = committee.Id, Name = n, Kind = HandlingUnitKind.GovernmentDepartment }).ToList();
            db.AddRange(term, session, member);
            db.AddRange(units);
            await db.SaveChangesAsync();
            return (session.Id, member.Id, units);
        });
        var memberUser = await app.NewUserAsync(committee, Roles.Member, memberId: memberId);
        var accounts = new List<UnitAccount>();
        foreach (var u in units)
        {
            accounts.Add(new UnitAccount(u.Id, u.Name, await app.NewUserAsync(committee, Roles.Unit, unitId: u.Id)));
        }

        return new HandlingWorld(committee, sessionId, memberId, "王提案", memberUser, accounts[0], accounts[1], accounts[2]);
    }

    /// <summary>A filed proposal in 办理中, assigned at <paramref name="assignedAt"/> (default: now) to the given units.</summary>
    public static Task<Guid> NewAssignedProposalAsync(this TestApp app, HandlingWorld w, AssignmentMode mode, IEnumerable<(UnitAccount Unit, AssignmentRole Role)> units,
        DateTimeOffset? assignedAt = null, AssignmentStatus status = AssignmentStatus.Pending, string title = "关于加快老旧小区加装电梯的建议") =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var at = (assignedAt ?? app.Clock.GetUtcNow()).UtcDateTime;
            var deadline = DateOnly.FromDateTime(BeijingTime.FromUtc(at)).AddMonths(3);
            var p = new Proposal
            {
                CommitteeId = w.Committee.Id,
                SessionId = w.SessionId,
                Year = 2026,
                Number = Interlocked.Increment(ref number),
                Title = title,
                Situation = "老旧小区居民以老年人为主，上下楼困难。",
                Suggestions = "一是简化审批；二是加大补贴。",
                Category = "城市建设与管理",
                LeadMemberId = w.MemberId,
                LeadMemberName = w.MemberName,
                Status = ProposalStatus.Handling,
                CreatedAt = at.AddDays(-30),
                SubmittedAt = at.AddDays(-29),
                ReviewedAt = at.AddDays(-10),
                AssignedAt = at,
                LastActivityAt = at,
                AssignmentMode = mode,
                Deadline = deadline,
            };
            db.Proposals.Add(p);
            db.ProposalSigners.Add(new ProposalSigner { CommitteeId = p.CommitteeId, ProposalId = p.Id, MemberId = w.MemberId, MemberName = w.MemberName, IsLead = true, Status = SignerStatus.Confirmed });
            foreach (var (unit, role) in units)
            {
                db.ProposalAssignments.Add(new ProposalAssignment
                {
                    CommitteeId = p.CommitteeId,
                    ProposalId = p.Id,
                    HandlingUnitId = unit.UnitId,
                    HandlingUnitName = unit.Name,
                    Role = role,
                    Status = status,
                    AssignedAt = at,
                    Deadline = deadline,
                    AcceptedAt = status == AssignmentStatus.Accepted ? at : null,
                });
            }

            await db.SaveChangesAsync();
            return p.Id;
        });

    public static Task<Guid> NewSingleAsync(this TestApp app, HandlingWorld w, AssignmentStatus status = AssignmentStatus.Pending, DateTimeOffset? assignedAt = null) =>
        app.NewAssignedProposalAsync(w, AssignmentMode.Single, [(w.Unit1, AssignmentRole.Single)], assignedAt, status);

    /// <summary>Acts as <paramref name="actor"/> through the unit handler.</summary>
    public static Task AsUnitAsync(this TestApp app, Actor actor, Func<UnitHandlingHandler, Task> work) =>
        app.AsAsync(actor, sp => work(sp.GetRequiredService<UnitHandlingHandler>()));

    public static Task<HandlingView> ViewAsync(this TestApp app, Actor actor, Guid proposalId) =>
        app.AsAsync(actor, sp => sp.GetRequiredService<UnitHandlingQueries>().GetAsync(proposalId));

    public static ContactInput Phone(this TestApp app) =>
        new() { Method = ContactMethod.Phone, Date = BeijingTime.Today(app.Clock), Notes = "电话沟通了办理思路，提案人表示认可。" };

    public static ReplyInput ClassB(int items = 2) => new()
    {
        Text = "王提案委员：您提出的关于加快老旧小区加装电梯的建议收悉，现答复如下……",
        Signer = "李局长",
        ReplyClass = "B",
        Items = [.. Enumerable.Range(1, items).Select(i => new ReplyItemInput
        {
            Commitment = $"第{i}项：年内完成{i * 10}台电梯加装",
            ResponsibleUnit = "市住房和城乡建设局",
            PlannedDate = new DateOnly(2026, 12, 31),
            Status = ItemStatus.InProgress,
        })],
    };

    /// <summary>Contacts the proposer and submits a class-B reply, as a unit does before staff review.</summary>
    public static async Task ContactAndSubmitAsync(this TestApp app, UnitAccount unit, Guid proposalId, int items = 2)
    {
        await app.AsUnitAsync(unit.Actor, h => h.AddContactAsync(proposalId, app.Phone()));
        await app.AsUnitAsync(unit.Actor, h => h.SaveReplyAsync(proposalId, ClassB(items), submit: true));
    }

    /// <summary>What staff do on review (another part's handler): approve the reply, and with it the proposal waits for rating.</summary>
    public static Task StaffApproveAsync(this TestApp app, Guid proposalId, ProposalStatus proposalStatus = ProposalStatus.AwaitingRating) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            foreach (var r in await db.ProposalReplies.Where(r => r.ProposalId == proposalId && r.Status == ReplyStatus.Submitted).ToListAsync())
            {
                r.Status = ReplyStatus.Approved;
                r.ReviewedAt = app.Clock.GetUtcNow().UtcDateTime;
            }

            var p = await db.Proposals.SingleAsync(x => x.Id == proposalId);
            p.Status = proposalStatus;
            await db.SaveChangesAsync();
        });

    /// <summary>Staff send the reply back (驳回重办) with a note.</summary>
    public static Task StaffRejectAsync(this TestApp app, Guid proposalId, string note) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var r = await db.ProposalReplies.SingleAsync(x => x.ProposalId == proposalId && x.Status == ReplyStatus.Submitted);
            r.Status = ReplyStatus.Rejected;
            r.ReviewNote = note;
            await db.SaveChangesAsync();
        });

    /// <summary>The proposer rated 不满意 (another part): round 2 of handling.</summary>
    public static Task StartRoundTwoAsync(this TestApp app, Guid proposalId) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var p = await db.Proposals.SingleAsync(x => x.Id == proposalId);
            p.Status = ProposalStatus.Handling;
            p.Round = 2;
            await db.SaveChangesAsync();
        });

    /// <summary>Staff re-assigned the unit's part elsewhere: its assignment is 已退回.</summary>
    public static Task MarkReturnedAsync(this TestApp app, Guid proposalId, Guid unitId) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var a = await db.ProposalAssignments.SingleAsync(x => x.ProposalId == proposalId && x.HandlingUnitId == unitId);
            a.Status = AssignmentStatus.Returned;
            await db.SaveChangesAsync();
        });

    /// <summary>Staff refuse the unit's return request (another part): back to 办理中 with their answer.</summary>
    public static Task StaffRefuseReturnAsync(this TestApp app, Guid proposalId, string note) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var a = await db.ProposalAssignments.SingleAsync(x => x.ProposalId == proposalId && x.Status == AssignmentStatus.ReturnRequested);
            a.Status = AssignmentStatus.Accepted;
            a.ReturnDecisionNote = note;
            await db.SaveChangesAsync();
        });

    public static Task<T> ReadAsync<T>(this TestApp app, Func<TongxinDbContext, Task<T>> read) =>
        app.AsAsync(Actor.System, sp => read(sp.GetRequiredService<TongxinDbContext>()));
}
