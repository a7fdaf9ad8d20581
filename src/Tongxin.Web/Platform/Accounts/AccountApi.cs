using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tongxin.Platform.Web;

namespace Tongxin.Platform.Accounts;

/// <summary><c>POST /api/v1/auth/token</c>: user name + password (+ TOTP code) for a bearer token.</summary>
public static class AccountApi
{
    public sealed record TokenRequest(string? UserName, string? Password, string? TotpCode);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("用户名和密码（管理员另加动态口令）换取访问令牌");
    }

    private static async Task<IResult> IssueTokenAsync(
        TokenRequest request,
        SignInManager<AppUser> signIn,
        IOptions<TongxinOptions> options)
    {
        new Validation()
            .NotBlank(request.UserName, "userName", "用户名")
            .NotBlank(request.Password, "password", "密码")
            .ThrowIfInvalid();
        if (!options.Value.DemoMode && DemoAccounts.IsDemoAccount(request.UserName))
        {
            return Unauthorized("演示账号仅在演示模式下可用。");
        }

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName!, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(request.TotpCode))
            {
                return Unauthorized("该账号已启用双因素认证，请提供动态口令（totpCode）。");
            }

            result = await signIn.TwoFactorAuthenticatorSignInAsync(request.TotpCode.Replace(" ", ""), isPersistent: false, rememberClient: false);
        }

        if (result.Succeeded)
        {
            // The bearer handler has written the token response.
            return Results.Empty;
        }

        return Unauthorized(result.IsLockedOut
            ? "登录失败次数过多，账号已锁定，请30分钟后再试。"
            : result.IsNotAllowed ? "该账号不允许登录。" : "用户名、密码或动态口令不正确。");
    }

    private static IResult Unauthorized(string detail) =>
        Results.Problem(title: "认证失败", detail: detail, statusCode: StatusCodes.Status401Unauthorized);
}
