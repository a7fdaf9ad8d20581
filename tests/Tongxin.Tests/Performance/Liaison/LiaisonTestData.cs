using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Performance.Liaison;

/// <summary>A committee with two members (and their accounts), 委员履职 staff, staff without the
/// permission, a leader, and a member of another committee.</summary>
public sealed record LiaisonWorld(
    TestApp App,
    TestData.TestCommittee Committee,
    TestData.TestUser Member,
    TestData.TestUser Member2,
    TestData.TestUser Staff,
    TestData.TestUser StaffWithoutPermission,
    TestData.TestUser Leader,
    TestData.TestUser Outsider,
    Guid MemberId,
    Guid Member2Id)
{
    public static async Task<LiaisonWorld> CreateAsync(TestApp app)
    {
        var c = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var (m1, m2, m3) = await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            Member New(Guid committee, string name, Guid sector) => new()
            {
                CommitteeId = committee,
                Name = name,
                Gender = Gender.Male,
                BirthYear = 1970,
                SectorId = sector,
                Mobile = "13900001111",
                DutyCode = "L" + Guid.NewGuid().ToString("N")[..10],
            };
            var a = New(c.Id, "陈联系", c.SectorId);
            var b = New(c.Id, "林走访", c.OtherSectorId);
            var x = New(other.Id, "外会委员", other.SectorId);
            db.AddRange(a, b, x);
            await db.SaveChangesAsync();
            return (a.Id, b.Id, x.Id);
        });
        return new LiaisonWorld(
            app, c,
            await app.NewUserAsync(c, Roles.Member, memberId: m1),
            await app.NewUserAsync(c, Roles.Member, memberId: m2),
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Performance]),
            await app.NewUserAsync(c, Roles.Staff, [Permissions.Proposals]),
            await app.NewUserAsync(c, Roles.Leader),
            await app.NewUserAsync(other, Roles.Member, memberId: m3),
            m1, m2);
    }
}
