using Microsoft.AspNetCore.Identity;

namespace Tongxin.Platform.Accounts;

/// <summary>A disabled (停用) account may not sign in: Identity asks this before every sign-in
/// (cookie, two-factor step and API token) and answers "not allowed".</summary>
public sealed class EnabledAccountConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(!user.IsDisabled);
}
