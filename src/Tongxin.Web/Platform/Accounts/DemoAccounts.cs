using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Tongxin.Platform.Accounts;

/// <summary>The published demo accounts. Their password is public, so they work only in demo mode,
/// and a production start is refused while any of them still has it.</summary>
public static class DemoAccounts
{
    public const string Password = "Tongxin#2026";

    public static readonly string[] UserNames =
    [
        "demo.member", "demo.member2", "demo.staff", "demo.unit", "demo.leader", "demo.county.staff",
        "demo.sysadmin", "demo.secadmin", "demo.auditadmin",
    ];

    public static bool IsDemoAccount(string? userName) =>
        userName is not null && UserNames.Contains(userName, StringComparer.OrdinalIgnoreCase);

    public static async Task EnsureNoDemoPasswordAsync(IServiceProvider services, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var demo = await users.Users.Where(u => UserNames.Contains(u.UserName!)).ToListAsync(ct);
        var unchanged = new List<string>();
        foreach (var user in demo)
        {
            if (user.PasswordHash is not null
                && users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, Password) != PasswordVerificationResult.Failed)
            {
                unchanged.Add(user.UserName!);
            }
        }

        if (unchanged.Count > 0)
        {
            throw new InvalidOperationException(
                $"生产模式下拒绝启动：演示账号 {string.Join("、", unchanged)} 仍在使用公开的演示密码。请修改或停用这些账号，或以演示模式运行（Tongxin__DemoMode=true）。");
        }
    }
}
