using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tongxin.Platform.Accounts;

public static class TongxinClaims
{
    public const string Committee = "tx:committee";
    public const string Permission = "tx:perm";
    public const string DisplayName = "tx:display";
    public const string Member = "tx:member";
    public const string HandlingUnit = "tx:unit";

    /// <summary>"true" when the account has two-factor sign-in on; admins need it (see <see cref="AccountGateMiddleware"/>).</summary>
    public const string TwoFactor = "tx:2fa";

    /// <summary><see cref="AppUser.PasswordChangedAt"/> in UTC ticks, for the expiry prompt.</summary>
    public const string PasswordChangedAt = "tx:pwdat";
}

/// <summary>Adds the committee, two-factor state, password age, display name and module permissions to the sign-in principal.</summary>
public sealed class TongxinClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TongxinClaims.Committee, user.CommitteeId.ToString()));
        identity.AddClaim(new Claim(TongxinClaims.DisplayName, user.DisplayName));
        if (user.MemberId is { } memberId)
        {
            identity.AddClaim(new Claim(TongxinClaims.Member, memberId.ToString()));
        }

        if (user.HandlingUnitId is { } unitId)
        {
            identity.AddClaim(new Claim(TongxinClaims.HandlingUnit, unitId.ToString()));
        }

        identity.AddClaim(new Claim(TongxinClaims.TwoFactor, user.TwoFactorEnabled ? "true" : "false"));
        identity.AddClaim(new Claim(TongxinClaims.PasswordChangedAt, user.PasswordChangedAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var permission in user.PermissionList)
        {
            identity.AddClaim(new Claim(TongxinClaims.Permission, permission));
        }

        return identity;
    }
}
