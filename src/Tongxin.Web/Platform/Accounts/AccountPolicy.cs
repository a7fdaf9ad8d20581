using System.Globalization;
using System.Security.Claims;

namespace Tongxin.Platform.Accounts;

/// <summary>账号安全策略 – the rules that decide whether a signed-in account must first set up
/// two-factor sign-in or change its password before it may use anything else.</summary>
public static class AccountPolicy
{
    /// <summary>Stored as <see cref="AppUser.PasswordChangedAt"/> when an administrator set the
    /// password (new account, reset): the owner must choose their own at the next sign-in.</summary>
    public static readonly DateTime MustChange = DateTime.UnixEpoch;

    /// <summary>The admin roles sign in with two factors (等保 2.0 level 3).</summary>
    public static bool RequiresTwoFactor(IEnumerable<string> roles) => roles.Any(r => Roles.Admins.Contains(r));

    public static bool IsPasswordExpired(DateTime changedAt, SecurityOptions security, DateTimeOffset now) =>
        changedAt.Ticks <= MustChange.Ticks
        || (security.PasswordExpiryDays > 0 && changedAt.Ticks + TimeSpan.FromDays(security.PasswordExpiryDays).Ticks <= now.UtcTicks);

    public static string ExpiryNotice(DateTime changedAt, SecurityOptions security) =>
        changedAt.Ticks <= MustChange.Ticks
            ? "您的密码由管理员设置或重置，请修改密码后继续使用。"
            : $"您的密码已超过{security.PasswordExpiryDays}天未修改，请修改密码";

    /// <summary>What the sign-in principal says; null when it was issued without our claims.</summary>
    public static DateTime? PasswordChangedAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(TongxinClaims.PasswordChangedAt), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTime(ticks, DateTimeKind.Utc)
            : null;

    public static bool HasTwoFactor(ClaimsPrincipal user) => user.FindFirstValue(TongxinClaims.TwoFactor) == "true";
}
