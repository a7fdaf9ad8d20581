using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Terms;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Organization;

/// <summary>Arrangements shared by the organisation administration tests.</summary>
internal static class OrganizationAdminArrange
{
    public static Task<Guid> AddMemberAsync(this TestApp app, Guid committeeId, string name, Guid? sectorId = null, bool active = true) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var member = new Member
            {
                CommitteeId = committeeId,
                Name = name,
                Gender = Gender.Female,
                BirthYear = 1975,
                Party = "无党派人士",
                SectorId = sectorId,
                WorkUnit = "市第一中学",
                IsActive = active,
                DutyCode = "D" + Guid.NewGuid().ToString("N")[..12],
            };
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });

    public static Task<T> AddAsync<T>(this TestApp app, T entity)
        where T : Entity =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            db.Add(entity);
            await db.SaveChangesAsync();
            return entity;
        });

    /// <summary>第九届 (2022–2026) with sessions 1–<paramref name="sessions"/>, the <paramref name="current"/>th current.</summary>
    public static async Task<(Guid TermId, Guid[] SessionIds)> AddTermAsync(this TestApp app, TestData.TestUser staff, int sessions, int current)
    {
        return await app.AsAsync(staff.Actor, async sp =>
        {
            var admin = sp.GetRequiredService<TermAdmin>();
            var termId = await admin.CreateTermAsync(new TermInput { Number = 9, Name = "第九届", StartDate = new(2022, 1, 1), EndDate = new(2026, 12, 31) });
            var ids = new Guid[sessions];
            for (var n = 1; n <= sessions; n++)
            {
                ids[n - 1] = await admin.CreateSessionAsync(new SessionInput
                {
                    TermId = termId,
                    Number = n,
                    Name = $"九届{n}次会议",
                    StartDate = new(2021 + n, 1, 10),
                    EndDate = new(2021 + n, 1, 14),
                    IsCurrent = n == current,
                });
            }

            return (termId, ids);
        });
    }
}
