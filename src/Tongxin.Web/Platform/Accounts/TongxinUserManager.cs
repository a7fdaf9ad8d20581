using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongxin.Platform.Data;

namespace Tongxin.Platform.Accounts;

/// <summary>用户管理 – Identity's user manager plus the 等保 password bookkeeping: whenever a
/// password is set (create, change, reset) <see cref="AppUser.PasswordChangedAt"/> is stamped
/// from the injected clock (it drives the expiry prompt), and the replaced hash goes into the
/// password history, of which the last N are kept for the reuse check.</summary>
public sealed class TongxinUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    TongxinDbContext db,
    TimeProvider time,
    IOptions<TongxinOptions> tongxin)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override Task<IdentityResult> CreateAsync(AppUser user, string password)
    {
        user.PasswordChangedAt = time.GetUtcNow().UtcDateTime;
        return base.CreateAsync(user, password);
    }

    public override Task<IdentityResult> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword) =>
        WithHistoryAsync(user, () => base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override Task<IdentityResult> ResetPasswordAsync(AppUser user, string token, string newPassword) =>
        WithHistoryAsync(user, () => base.ResetPasswordAsync(user, token, newPassword));

    public override Task<IdentityResult> AddPasswordAsync(AppUser user, string password) =>
        WithHistoryAsync(user, () => base.AddPasswordAsync(user, password));

    /// <summary>等保: the three admin roles must sign in with two factors, so for them it cannot be
    /// switched off – whoever calls (page, API, a future tool).</summary>
    public override async Task<IdentityResult> SetTwoFactorEnabledAsync(AppUser user, bool enabled)
    {
        if (!enabled && AccountPolicy.RequiresTwoFactor(await GetRolesAsync(user)))
        {
            throw new Web.ForbiddenException("管理员账号必须启用双因素认证，不能关闭。");
        }

        return await base.SetTwoFactorEnabledAsync(user, enabled);
    }

    /// <summary>Queues the bookkeeping in the user's context so Identity's own save of the new hash
    /// stores it in the same write; undoes it when Identity refuses the password.</summary>
    private async Task<IdentityResult> WithHistoryAsync(AppUser user, Func<Task<IdentityResult>> setPassword)
    {
        var previousHash = user.PasswordHash;
        var previousChangedAt = user.PasswordChangedAt;
        var now = time.GetUtcNow().UtcDateTime;
        PasswordHistoryEntry? entry = null;
        List<PasswordHistoryEntry> stale = [];
        if (!string.IsNullOrEmpty(previousHash))
        {
            var keep = Math.Max(tongxin.Value.Security.PasswordHistory, 1);
            stale = await db.PasswordHistory
                .Where(h => h.UserId == user.Id)
                .OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id)
                .Skip(keep - 1)
                .ToListAsync(CancellationToken);
            entry = new PasswordHistoryEntry { UserId = user.Id, PasswordHash = previousHash, CreatedAt = now };
            db.PasswordHistory.Add(entry);
            db.PasswordHistory.RemoveRange(stale);
        }

        user.PasswordChangedAt = now;
        var result = await setPassword();
        if (!result.Succeeded)
        {
            user.PasswordChangedAt = previousChangedAt;
            if (entry is not null)
            {
                db.Entry(entry).State = EntityState.Detached;
            }

            foreach (var old in stale)
            {
                db.Entry(old).State = EntityState.Unchanged;
            }
        }

        return result;
    }
}
