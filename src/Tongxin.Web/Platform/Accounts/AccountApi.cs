using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Platform.Accounts;

/// <summary>访问令牌 – <c>POST /api/v1/auth/token</c>: user name + password (+ TOTP code) for a
/// bearer token; <c>GET /api/v1/auth/me</c> tells a client who it is signed in as.</summary>
public static class AccountApi
{
    /// <summary>令牌请求</summary>
    public sealed record TokenRequest(string? UserName, string? Password, string? TotpCode);

    /// <summary>当前账号</summary>
    public sealed record Me(string UserName, Guid? CommitteeId, IReadOnlyCollection<string> Roles, IReadOnlyCollection<string> Permissions);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("用户名和密码（管理员另加动态口令）换取访问令牌");
        api.MapGet("/auth/me", (IActorAccessor actor) =>
                new Me(actor.Actor.UserName, actor.Actor.CommitteeId, actor.Actor.Roles, actor.Actor.Permissions))
            .RequireSignedIn()
            .WithName("CurrentAccount")
            .WithSummary("当前登录的账号、角色和模块权限");
    }

    // SignInManager's two-step sign-in keeps the pending user in a cookie between two requests,
    // which a token client never sends back; so the steps are checked here in one request and the
    // bearer token is issued only once every factor is in.
    private static async Task<IResult> IssueTokenAsync(
        TokenRequest request,
        SignInManager<AppUser> signIn,
        UserManager<AppUser> users,
        IOptions<TongxinOptions> options,
        IOptions<IdentityOptions> identity,
        TimeProvider time,
        SignInAudit audit)
    {
        new Validation()
            .NotBlank(request.UserName, "userName", "用户名")
            .NotBlank(request.Password, "password", "密码")
            .ThrowIfInvalid();
        var security = options.Value.Security;
        if (!options.Value.DemoMode && DemoAccounts.IsDemoAccount(request.UserName))
        {
            await audit.RecordAsync(SignInAudit.SignIn, request.UserName, Microsoft.AspNetCore.Identity.SignInResult.NotAllowed, "接口：演示账号在非演示模式下被拒绝");
            return Unauthorized("演示账号仅在演示模式下可用。");
        }

        var user = await users.FindByNameAsync(request.UserName!.Trim());
        if (user is null)
        {
            await audit.RecordAsync(SignInAudit.SignIn, request.UserName, Microsoft.AspNetCore.Identity.SignInResult.Failed, "接口：用户名不存在");
            return Unauthorized("用户名、密码或动态口令不正确。");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await audit.RecordAsync(SignInAudit.SignIn, user.UserName, result, "接口：用户名和密码");
            return Unauthorized(Failure(result, security));
        }

        var roles = await users.GetRolesAsync(user);
        if (AccountPolicy.RequiresTwoFactor(roles) && !user.TwoFactorEnabled)
        {
            await audit.RecordAsync(SignInAudit.SignIn, user.UserName, "失败：管理员未启用双因素认证", "接口");
            return Forbidden("管理员账号必须先在网页上启用双因素认证（动态口令），才能申请访问令牌。");
        }

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.TotpCode))
            {
                return Unauthorized("该账号已启用双因素认证，请提供动态口令（totpCode）。");
            }

            if (!await users.VerifyTwoFactorTokenAsync(user, identity.Value.Tokens.AuthenticatorTokenProvider, request.TotpCode))
            {
                // A wrong second factor counts towards the lockout like a wrong password.
                await users.AccessFailedAsync(user);
                await audit.RecordAsync(SignInAudit.SignIn, user.UserName, Microsoft.AspNetCore.Identity.SignInResult.Failed, "接口：动态口令错误");
                return Unauthorized(await users.IsLockedOutAsync(user)
                    ? Failure(Microsoft.AspNetCore.Identity.SignInResult.LockedOut, security)
                    : "动态口令不正确或已过期。");
            }
        }

        if (AccountPolicy.IsPasswordExpired(user.PasswordChangedAt, security, time.GetUtcNow()))
        {
            await audit.RecordAsync(SignInAudit.SignIn, user.UserName, "失败：密码已过期", "接口");
            return Forbidden(AccountPolicy.ExpiryNotice(user.PasswordChangedAt, security) + "（请登录网页修改后再申请令牌）。");
        }

        await audit.RecordAsync(SignInAudit.SignIn, user.UserName, "成功", user.TwoFactorEnabled ? "接口：密码和动态口令" : "接口：用户名和密码");
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        Claim[] method = [new("amr", user.TwoFactorEnabled ? "mfa" : "pwd")];
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, method);
        // The bearer handler has written the token response.
        return Results.Empty;
    }

    private static string Failure(Microsoft.AspNetCore.Identity.SignInResult result, SecurityOptions security) =>
        result.IsLockedOut ? $"登录失败次数过多，账号已锁定，请{security.LockoutMinutes}分钟后再试。"
        : result.IsNotAllowed ? "该账号已停用或不允许登录，请联系管理员。"
        : "用户名、密码或动态口令不正确。";

    private static IResult Unauthorized(string detail) =>
        Results.Problem(title: "认证失败", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    private static IResult Forbidden(string detail) =>
        Results.Problem(title: "拒绝签发令牌", detail: detail, statusCode: StatusCodes.Status403Forbidden);
}
