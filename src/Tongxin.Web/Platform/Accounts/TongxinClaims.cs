using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tongxin.Platform.Accounts;

public static class TongxinClaims
{
    public const string Committee = "tx:committee";
    public const string Permission = "tx:perm";
    public const string DisplayName = "tx:display";
}

/// <summary>Adds the committee, display name and module permissions to the sign-in principal.</summary>
public sealed class TongxinClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TongxinClaims.Committee, user.CommitteeId.ToString()));
        identity.AddClaim(new Claim(TongxinClaims.DisplayName, user.DisplayName));
        foreach (var permission in user.PermissionList)
        {
            identity.AddClaim(new Claim(TongxinClaims.Permission, permission));
        }

        return identity;
    }
}
