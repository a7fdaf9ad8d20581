using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Platform.Accounts;

/// <summary>安全管理 – what the 安全管理员 does: grant roles and staff module permissions to the
/// accounts of their committee and show the security policy. It creates no accounts and reads
/// no business data. An admin role is never combined with another role, and nobody changes
/// their own roles (三权分立).</summary>
public sealed class SecurityAdminHandler(TongxinDbContext db, UserManager<AppUser> users, IActorAccessor actorAccessor, IOptions<TongxinOptions> options)
{
    /// <summary>权限列表的一行</summary>
    public sealed record GrantRow(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string ModulePermissions);

    /// <summary>一个账号当前的角色和模块权限</summary>
    public sealed record Grants(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);

    private Actor Actor => actorAccessor.Actor;

    public static bool CanManage(Actor actor) => actor.IsInRole(Roles.SecAdmin) && actor.CommitteeId is not null;

    public async Task<PagedList<GrantRow>> ListAsync(string? search, int page, CancellationToken ct = default)
    {
        var committeeId = EnsureAllowed();
        return await UserAdminHandler.QueryUsers(db, committeeId, search)
            .Select(u => new GrantRow(u.Id, u.UserName!, u.DisplayName,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                u.ModulePermissions))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
    }

    public async Task<Grants> GetAsync(Guid userId)
    {
        var user = await FindAsync(userId);
        return new Grants(user.Id, user.UserName!, user.DisplayName, [.. await users.GetRolesAsync(user)], [.. user.PermissionList]);
    }

    /// <summary>Replaces the account's roles and module permissions.</summary>
    public async Task AssignAsync(Guid userId, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> permissions)
    {
        var user = await FindAsync(userId);
        var admins = roles.Where(r => Roles.Admins.Contains(r)).ToList();
        new Validation()
            .Require(roles.Count > 0, "Roles", "请至少选择一个角色。")
            .Require(roles.All(r => Roles.All.Contains(r)), "Roles", "角色无效。")
            .Require(admins.Count == 0 || roles.Count == 1, "Roles", "管理员角色不能与其他角色同时授予（三权分立）。")
            .Require(user.Id != Actor.UserId, "Roles", "不能修改自己的角色和权限。")
            .Require(permissions.All(p => Permissions.All.Contains(p)), "Permissions", "模块权限无效。")
            .Require(permissions.Count == 0 || roles.Contains(Roles.Staff), "Permissions", "模块权限只适用于机关工作人员。")
            .ThrowIfInvalid();

        await using var tx = await db.Database.BeginTransactionAsync();
        var current = await users.GetRolesAsync(user);
        UserAdminHandler.ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(roles)), "Roles");
        UserAdminHandler.ThrowIfFailed(await users.AddToRolesAsync(user, roles.Except(current)), "Roles");
        user.ModulePermissions = string.Join(",", Permissions.All.Where(permissions.Contains));
        db.Audit("授权", nameof(AppUser), user.Id.ToString(), "成功",
            $"{user.UserName}：角色 {string.Join("、", roles.Select(Roles.DisplayName))}；模块权限 {string.Join("、", permissions.Select(Permissions.DisplayName))}");
        // Saves the permissions with the audit entry; the new stamp makes open sessions pick up
        // the new roles at their next validation.
        UserAdminHandler.ThrowIfFailed(await users.UpdateSecurityStampAsync(user), "");
        await tx.CommitAsync();
    }

    /// <summary>The policy in force, read from configuration (Tongxin:Security); shown read-only.</summary>
    public SecurityOptions Policy()
    {
        EnsureAllowed();
        return options.Value.Security;
    }

    private Guid EnsureAllowed()
    {
        if (!CanManage(Actor))
        {
            throw new ForbiddenException("只有安全管理员可以管理角色、权限和安全策略。");
        }

        return Actor.CommitteeId!.Value;
    }

    private async Task<AppUser> FindAsync(Guid userId)
    {
        var committeeId = EnsureAllowed();
        var user = await users.FindByIdAsync(userId.ToString());
        return user is null || user.CommitteeId != committeeId ? throw new NotFoundException("账号") : user;
    }
}
