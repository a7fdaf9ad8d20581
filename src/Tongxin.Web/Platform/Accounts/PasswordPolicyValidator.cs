using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongxin.Platform.Data;

namespace Tongxin.Platform.Accounts;

/// <summary>等保 2.0 password rules beyond length: at least three of four character classes
/// (upper, lower, digit, symbol), and none of the last N passwords again.</summary>
public sealed class PasswordPolicyValidator(TongxinDbContext db, IOptions<TongxinOptions> options) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var classes = new[]
        {
            password.Any(char.IsUpper),
            password.Any(char.IsLower),
            password.Any(char.IsDigit),
            password.Any(c => !char.IsLetterOrDigit(c)),
        }.Count(x => x);
        if (classes < 3)
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordClasses",
                Description = "密码须至少包含大写字母、小写字母、数字、特殊字符中的三类。",
            });
        }

        var depth = options.Value.Security.PasswordHistory;
        var previous = new List<string>();
        if (!string.IsNullOrEmpty(user.PasswordHash))
        {
            previous.Add(user.PasswordHash);
        }

        previous.AddRange(await db.PasswordHistory.AsNoTracking()
            .Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id)
            .Take(depth)
            .Select(h => h.PasswordHash)
            .ToListAsync());
        foreach (var hash in previous.Take(depth))
        {
            if (manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed)
            {
                return IdentityResult.Failed(new IdentityError
                {
                    Code = "PasswordReused",
                    Description = $"新密码不能与最近{depth}次使用过的密码相同。",
                });
            }
        }

        return IdentityResult.Success;
    }
}
