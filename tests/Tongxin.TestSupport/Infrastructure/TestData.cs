using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Tests.Infrastructure;

/// <summary>Builders for test arrangements. Each test makes its own committee, so tests never see
/// each other's records even on the shared app.</summary>
public static class TestData
{
    public const string Password = "Test#Pass2026";

    public sealed record TestCommittee(Guid Id, string Name, Guid SectorId, Guid OtherSectorId);

    public sealed record TestUser(Guid Id, string UserName, Guid CommitteeId, string Role, Actor Actor);

    public static async Task<TestCommittee> NewCommitteeAsync(this TestApp app, Guid? parentId = null, bool parentMayRead = false, CommitteeLevel level = CommitteeLevel.City)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var committee = new Committee
            {
                Name = $"测试政协{suffix}",
                Code = $"T{suffix}",
                Level = level,
                ParentId = parentId,
                ParentMayRead = parentMayRead,
            };
            var sector = new Sector { CommitteeId = committee.Id, Name = "教育", SortOrder = 1 };
            var other = new Sector { CommitteeId = committee.Id, Name = "经济", SortOrder = 2 };
            db.AddRange(committee, sector, other);
            await db.SaveChangesAsync();
            sp.GetRequiredService<CommitteeTree>().Invalidate();
            return new TestCommittee(committee.Id, committee.Name, sector.Id, other.Id);
        });
    }

    /// <summary>An account with <see cref="Password"/>. Admin roles must sign in with two factors,
    /// so their accounts get an authenticator key and two-factor sign-in unless
    /// <paramref name="twoFactor"/> says otherwise; <see cref="WebSession.LoginAsync"/> then
    /// answers the second step with <see cref="Totp"/>.</summary>
    public static async Task<TestUser> NewUserAsync(this TestApp app, TestCommittee committee, string role, string[]? permissions = null, Guid? memberId = null, Guid? unitId = null, bool? twoFactor = null)
    {
        var userName = $"{role}.{Guid.NewGuid():N}"[..24];
        return await app.AsAsync(Actor.System, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                UserName = userName,
                DisplayName = $"测试{Roles.DisplayName(role)}",
                CommitteeId = committee.Id,
                MemberId = memberId,
                HandlingUnitId = unitId,
                ModulePermissions = string.Join(",", permissions ?? (role == Roles.Staff ? Permissions.All : [])),
                PasswordChangedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, Password);
            result.Succeeded.ShouldBeTrue(string.Join("；", result.Errors.Select(e => e.Description)));
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
            if (twoFactor ?? Roles.Admins.Contains(role))
            {
                (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.ShouldBeTrue();
                (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.ShouldBeTrue();
            }

            var readable = await sp.GetRequiredService<CommitteeTree>().ReadableFromAsync(committee.Id);
            var actor = new Actor(user.Id, userName, committee.Id, [role], [.. user.PermissionList], readable, "127.0.0.1")
            {
                MemberId = memberId,
                HandlingUnitId = unitId,
            };
            return new TestUser(user.Id, userName, committee.Id, role, actor);
        });
    }
}
