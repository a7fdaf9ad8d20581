using Tongxin.Platform.Data;

namespace Tongxin.Platform.Accounts;

/// <summary>登录审计 – every sign-in attempt (web, second step, API token) and sign-out goes into
/// the audit chain with its result (等保: audit the time, user, event, result and IP). The actor
/// is still anonymous at that moment, so the account name is the target.</summary>
public sealed class SignInAudit(TongxinDbContext db)
{
    public const string SignIn = "登录";
    public const string SignOut = "退出登录";

    public Task RecordAsync(string action, string? userName, Microsoft.AspNetCore.Identity.SignInResult result, string channel, CancellationToken ct = default) =>
        RecordAsync(action, userName, result switch
        {
            { Succeeded: true } => "成功",
            { IsLockedOut: true } => "失败：账号已锁定",
            { IsNotAllowed: true } => "失败：账号已停用或不允许登录",
            { RequiresTwoFactor: true } => "待验证动态口令",
            _ => "失败",
        }, channel, ct);

    public async Task RecordAsync(string action, string? userName, string outcome, string channel, CancellationToken ct = default)
    {
        db.Audit(action, nameof(AppUser), userName ?? "", outcome, channel);
        await db.SaveChangesAsync(ct);
    }
}
