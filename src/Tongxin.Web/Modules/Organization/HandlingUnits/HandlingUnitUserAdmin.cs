using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization.HandlingUnits;

/// <summary>A new handling-unit account as a form and an API body.</summary>
public sealed class HandlingUnitUserInput
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
}

public sealed record HandlingUnitUserRow(Guid Id, string UserName, string DisplayName, bool IsDisabled);

/// <summary>承办单位用户 – staff open accounts for a unit's clerks (role <see cref="Roles.Unit"/>),
/// and disable them when a clerk leaves; a disabled account cannot sign in.</summary>
public sealed class HandlingUnitUserAdmin(TongxinDbContext db, UserManager<AppUser> users, IActorAccessor actors, TimeProvider time)
{
    private Actor Actor => actors.Actor;

    public async Task<IReadOnlyList<HandlingUnitUserRow>> ListAsync(Guid unitId, CancellationToken ct = default)
    {
        var unit = await db.HandlingUnits.AsNoTracking().FindOrThrowAsync(unitId, "承办单位", ct);
        OrganizationPermissions.EnsureCanRead(Actor, unit.CommitteeId);
        return await db.Users.AsNoTracking()
            .Where(u => u.HandlingUnitId == unitId)
            .OrderBy(u => u.UserName)
            .Select(u => new HandlingUnitUserRow(u.Id, u.UserName!, u.DisplayName, u.IsDisabled))
            .ToListAsync(ct);
    }

    public async Task<Guid> CreateAsync(Guid unitId, HandlingUnitUserInput input, CancellationToken ct = default)
    {
        var unit = await db.HandlingUnits.AsNoTracking().FindOrThrowAsync(unitId, "承办单位", ct);
        OrganizationPermissions.EnsureCanManage(Actor, unit.CommitteeId);
        if (!unit.IsActive)
        {
            throw new ConflictException($"“{unit.Name}”已停用，不能新建用户账号。");
        }

        new Validation()
            .NotBlank(input.UserName, "userName", "用户名")
            .MaxLength(OrganizationAdminSupport.Clean(input.UserName), 50, "userName", "用户名")
            .Name(input.DisplayName, "displayName", "姓名")
            .NotBlank(input.Password, "password", "初始密码")
            .ThrowIfInvalid();

        var user = new AppUser
        {
            UserName = OrganizationAdminSupport.Clean(input.UserName),
            DisplayName = OrganizationAdminSupport.Clean(input.DisplayName),
            CommitteeId = unit.CommitteeId,
            HandlingUnitId = unit.Id,
            PasswordChangedAt = time.GetUtcNow().UtcDateTime,
        };
        // The account and its role are one change: no unit account without the unit role.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        ThrowIfFailed(await users.CreateAsync(user, input.Password!));
        ThrowIfFailed(await users.AddToRoleAsync(user, Roles.Unit));
        await transaction.CommitAsync(ct);
        return user.Id;
    }

    /// <summary>停用 / 启用. Changing the security stamp ends the account's open sessions.</summary>
    public async Task SetDisabledAsync(Guid userId, bool disabled, CancellationToken ct = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.HandlingUnitId != null, ct)
            ?? throw new NotFoundException("承办单位用户");
        OrganizationPermissions.EnsureCanManage(Actor, user.CommitteeId);
        if (user.IsDisabled == disabled)
        {
            return;
        }

        user.IsDisabled = disabled;
        db.Audit(disabled ? "停用账号" : "启用账号", nameof(AppUser), user.Id.ToString(), "成功", user.UserName ?? "");
        ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
    }

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var errors = result.Errors
            .GroupBy(e => e.Code.Contains("Password") ? "password" : e.Code.Contains("UserName") ? "userName" : "")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        throw new ValidationFailedException(errors);
    }
}
