using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tongxin.Platform.Accounts;

/// <summary>账号门禁 – keeps a signed-in account on the account pages until it is in order: an
/// admin without two-factor sign-in goes to the authenticator setup, an expired (or
/// administrator-set) password to the change-password page. Pages are redirected; the API answers
/// 403 with a Chinese problem, so a cookie or bearer client cannot slip past.</summary>
public sealed class AccountGateMiddleware(RequestDelegate next)
{
    public const string TwoFactorSetupPath = "/Account/TwoFactor";
    public const string ChangePasswordPath = "/Account/ChangePassword";

    private static readonly string[] OpenPrefixes = ["/Account", "/Error", "/lib", "/css", "/js", "/healthz", "/readyz", "/favicon.ico"];

    public async Task InvokeAsync(HttpContext context, IOptions<TongxinOptions> options, TimeProvider time)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && IsBearerRequest(context)
            && !await IsStillValidAsync(context.RequestServices.GetRequiredService<SignInManager<AppUser>>(), user))
        {
            // The cookie is re-checked by the security-stamp validator; a bearer token is not, so a
            // token would outlive a disabled account or a reset password until it expired.
            await Results.Problem(title: "令牌已失效", detail: "账号已停用或密码已重置，请重新获取令牌。", statusCode: StatusCodes.Status401Unauthorized)
                .ExecuteAsync(context);
            return;
        }

        if (user.Identity?.IsAuthenticated == true && !OpenPrefixes.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value);
            var security = options.Value.Security;
            var changedAt = AccountPolicy.PasswordChangedAt(user);
            if (AccountPolicy.RequiresTwoFactor(roles) && !AccountPolicy.HasTwoFactor(user))
            {
                await BlockAsync(context, TwoFactorSetupPath, "管理员账号必须先启用双因素认证（动态口令），才能使用系统。");
                return;
            }

            if (changedAt is { } at && AccountPolicy.IsPasswordExpired(at, security, time.GetUtcNow()))
            {
                await BlockAsync(context, ChangePasswordPath, AccountPolicy.ExpiryNotice(at, security));
                return;
            }
        }

        await next(context);
    }

    private static bool IsBearerRequest(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static async Task<bool> IsStillValidAsync(SignInManager<AppUser> signIn, ClaimsPrincipal principal) =>
        await signIn.ValidateSecurityStampAsync(principal) is { IsDisabled: false };

    private static async Task BlockAsync(HttpContext context, string page, string message)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: "请先完成账号安全设置", detail: message, statusCode: StatusCodes.Status403Forbidden)
                .ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(page);
    }
}
