using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Review;

/// <summary>A committee with a current session, proposal staff, members, two units and a leader,
/// and a way to put a proposal straight into the review queue.</summary>
public sealed record ReviewWorld(
    TestApp App,
    TestData.TestCommittee Committee,
    Guid SessionId,
    TestData.TestUser Staff,
    TestData.TestUser StaffWithoutPermission,
    TestData.TestUser Leader,
    TestData.TestUser Member,
    TestData.TestUser Member2,
    TestData.TestUser Unit,
    TestData.TestUser Unit2,
    Guid MemberId,
    Guid Member2Id,
    Guid UnitId,
    Guid Unit2Id)
{
    public static async Task<ReviewWorld> CreateAsync(TestApp app, Guid? parentId = null)
    {
        var c = await app.NewCommitteeAsync(parentId);
        var (sessionId, memberId, member2Id, unitId, unit2Id) = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var term = new Term { CommitteeId = c.Id, Number = 9, Name = "九届", StartDate = new(2025, 1, 1), EndDate = new(2029, 12, 31) };
            var session = new Session { CommitteeId = c.Id, TermId = term.Id, Number = 2, Name = "九届二次会议", StartDate = new(2026, 1, 10), EndDate = new(2026, 1, 14), IsCurrent = true };
            var m1 = new Member { CommitteeId = c.Id, Name = "李明", Gender = Gender.Male, BirthYear = 1970, SectorId = c.SectorId, DutyCode = "R" + Guid.NewGuid().ToString("N")[..10] };
            var m2 = new Member { CommitteeId = c.Id, Name = "王芳", Gender = Gender.Female, BirthYear = 1975, SectorId = c.OtherSectorId, DutyCode = "R" + Guid.NewGuid().ToString("N")[..10] };
            var u1 = new HandlingUnit { CommitteeId = c.Id, Name = "住房和城乡建设局", Kind = HandlingUnitKind.GovernmentDepartment };
            var u2 = new HandlingUnit { CommitteeId = c.Id, Name = "民政局", Kind = HandlingUnitKind.GovernmentDepartment };
            db.AddRange(term, session, m1, m2, u1, u2);
            await db.SaveChangesAsync();
            return (session.Id, m1.Id, m2.Id, u1.Id, u2.Id);
        });
        return new ReviewWorld(
            app, c, sessionId,
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Proposals]),
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Organization]),
            await app.NewUserAsync(c, Roles.Leader),
            await app.NewUserAsync(c, Roles.Member, memberId: memberId),
            await app.NewUserAsync(c, Roles.Member, memberId: member2Id),
            await app.NewUserAsync(c, Roles.Unit, unitId: unitId),
            await app.NewUserAsync(c, Roles.Unit, unitId: unit2Id),
            memberId, member2Id, unitId, unit2Id);
    }

    /// <summary>A proposal by <see cref="Member"/> (with optional co-signers) waiting for review.</summary>
    public Task<Guid> SubmittedAsync(string title = "关于加快老旧小区加装电梯的建议", IReadOnlyList<(Guid MemberId, SignerStatus Status, DateTime? ExpiresAt)>? coSigners = null, Guid? leadMemberId = null) =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var lead = leadMemberId ?? MemberId;
            var p = new Proposal
            {
                CommitteeId = Committee.Id,
                SessionId = SessionId,
                Year = 2026,
                Title = title,
                Situation = "我市老旧小区多建于上世纪九十年代，居民老龄化程度高，上下楼困难。",
                Suggestions = "一是简化审批；二是加大财政补贴；三是引导居民协商分摊费用。",
                Category = "城市建设与管理",
                Kind = coSigners is { Count: > 0 } ? ProposerKind.Joint : ProposerKind.Individual,
                LeadMemberId = lead,
                LeadMemberName = lead == MemberId ? "李明" : "王芳",
                Status = ProposalStatus.Submitted,
                CreatedAt = now,
                SubmittedAt = now,
                LastActivityAt = now,
            };
            db.Proposals.Add(p);
            db.ProposalSigners.Add(new ProposalSigner { CommitteeId = Committee.Id, ProposalId = p.Id, MemberId = lead, MemberName = p.LeadMemberName, IsLead = true, Status = SignerStatus.Confirmed });
            var order = 1;
            foreach (var (memberId, status, expiresAt) in coSigners ?? [])
            {
                db.ProposalSigners.Add(new ProposalSigner
                {
                    CommitteeId = Committee.Id,
                    ProposalId = p.Id,
                    MemberId = memberId,
                    MemberName = "联名人",
                    Order = order++,
                    Status = status,
                    RequestedAt = now,
                    ExpiresAt = expiresAt,
                });
            }

            await db.SaveChangesAsync();
            return p.Id;
        });

    public Task<T> As<T>(TestData.TestUser user, Func<IServiceProvider, Task<T>> work) => App.AsAsync(user.Actor, work);

    public Task As(TestData.TestUser user, Func<IServiceProvider, Task> work) => App.AsAsync(user.Actor, work);

    public Task<Proposal> ReadAsync(Guid id) => App.AsAsync(Actor.System, sp =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(sp.GetRequiredService<TongxinDbContext>().Proposals, p => p.Id == id));
}
