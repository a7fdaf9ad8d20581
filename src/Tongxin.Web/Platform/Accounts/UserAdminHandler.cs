using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Platform.Accounts;

/// <summary>账号管理 – what the 系统管理员 does to the accounts of their committee: list and search,
/// create (never an admin role: those are granted by the 安全管理员), disable/enable, reset the
/// password (the owner must change it at the next sign-in) and unlock. The system admin cannot
/// assign roles or module permissions and never touches the admin accounts (三权分立).</summary>
public sealed class UserAdminHandler(TongxinDbContext db, UserManager<AppUser> users, IActorAccessor actorAccessor)
{
    /// <summary>账号列表的一行</summary>
    public sealed record UserRow(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled,
        DateTimeOffset? LockoutEnd, bool TwoFactorEnabled);

    /// <summary>新建账号</summary>
    public sealed record NewUser(string? UserName, string? DisplayName, string? Role, string? InitialPassword);

    /// <summary>Roles the system admin may give a new account.</summary>
    public static readonly string[] CreatableRoles = [Roles.Member, Roles.Staff, Roles.Unit, Roles.Leader];

    private Actor Actor => actorAccessor.Actor;

    public static bool CanManage(Actor actor) => actor.IsInRole(Roles.SysAdmin) && actor.CommitteeId is not null;

    public async Task<PagedList<UserRow>> ListAsync(string? search, int page, CancellationToken ct = default)
    {
        var committeeId = EnsureAllowed();
        return await QueryUsers(db, committeeId, search)
            .Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
    }

    public async Task<Guid> CreateAsync(NewUser input)
    {
        var committeeId = EnsureAllowed();
        new Validation()
            .NotBlank(input.UserName, nameof(NewUser.UserName), "用户名")
            .MaxLength(input.UserName, 64, nameof(NewUser.UserName), "用户名")
            .NotBlank(input.DisplayName, nameof(NewUser.DisplayName), "姓名")
            .MaxLength(input.DisplayName, 100, nameof(NewUser.DisplayName), "姓名")
            .Require(input.Role is not null && CreatableRoles.Contains(input.Role), nameof(NewUser.Role),
                "请选择角色；管理员角色只能由安全管理员授予。")
            .NotBlank(input.InitialPassword, nameof(NewUser.InitialPassword), "初始密码")
            .ThrowIfInvalid();

        var user = new AppUser
        {
            UserName = input.UserName!.Trim(),
            DisplayName = input.DisplayName!.Trim(),
            CommitteeId = committeeId,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        ThrowIfFailed(await users.CreateAsync(user, input.InitialPassword!), nameof(NewUser.InitialPassword));
        ThrowIfFailed(await users.AddToRoleAsync(user, input.Role!), nameof(NewUser.Role));
        // An administrator knows this password: the owner chooses their own at the first sign-in.
        user.PasswordChangedAt = AccountPolicy.MustChange;
        ThrowIfFailed(await users.UpdateAsync(user), "");
        await tx.CommitAsync();
        return user.Id;
    }

    public async Task SetDisabledAsync(Guid userId, bool disabled)
    {
        var user = await FindManagedAsync(userId);
        user.IsDisabled = disabled;
        ThrowIfFailed(await users.UpdateAsync(user), "");
        // A new stamp ends the account's open sessions at their next validation.
        ThrowIfFailed(await users.UpdateSecurityStampAsync(user), "");
    }

    public async Task ResetPasswordAsync(Guid userId, string? newPassword)
    {
        new Validation().NotBlank(newPassword, "NewPassword", "新密码").ThrowIfInvalid();
        var user = await FindManagedAsync(userId);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        ThrowIfFailed(await users.ResetPasswordAsync(user, token, newPassword!), "NewPassword");
        user.PasswordChangedAt = AccountPolicy.MustChange;
        ThrowIfFailed(await users.UpdateAsync(user), "");
    }

    public async Task UnlockAsync(Guid userId)
    {
        var user = await FindManagedAsync(userId);
        ThrowIfFailed(await users.SetLockoutEndDateAsync(user, null), "");
        ThrowIfFailed(await users.ResetAccessFailedCountAsync(user), "");
    }

    internal static IQueryable<AppUser> QueryUsers(TongxinDbContext db, Guid committeeId, string? search)
    {
        var query = db.Users.AsNoTracking().Where(u => u.CommitteeId == committeeId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(u => u.UserName!.Contains(term) || u.DisplayName.Contains(term));
        }

        return query.OrderBy(u => u.UserName);
    }

    internal static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [field] = [.. result.Errors.Select(e => e.Description)],
            });
        }
    }

    private Guid EnsureAllowed()
    {
        if (!CanManage(Actor))
        {
            throw new ForbiddenException("只有系统管理员可以管理账号。");
        }

        return Actor.CommitteeId!.Value;
    }

    private async Task<AppUser> FindManagedAsync(Guid userId)
    {
        var committeeId = EnsureAllowed();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.CommitteeId != committeeId)
        {
            throw new NotFoundException("账号");
        }

        if (user.Id == Actor.UserId)
        {
            throw new ForbiddenException("不能对自己的账号执行此操作。");
        }

        if (AccountPolicy.RequiresTwoFactor(await users.GetRolesAsync(user)))
        {
            throw new ForbiddenException("管理员账号不由系统管理员维护（三权分立）。");
        }

        return user;
    }
}
