using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tongxin.Platform;
using Tongxin.Platform.Accounts;

namespace Tongxin.Pages.Account;

/// <summary>登录第二步 – the authenticator code (or a recovery code) after a correct password.</summary>
public class LoginTwoFactorModel(SignInManager<AppUser> signIn, IOptions<TongxinOptions> options, SignInAudit audit) : PageModel
{
    [BindProperty]
    [Display(Name = "动态口令")]
    public string? Code { get; set; }

    [BindProperty]
    [Display(Name = "恢复码")]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The pending sign-in expired (5 minutes) or never existed.
            return RedirectToPage("/Account/Login");
        }

        Microsoft.AspNetCore.Identity.SignInResult result;
        if (!string.IsNullOrWhiteSpace(RecoveryCode))
        {
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", ""));
        }
        else if (!string.IsNullOrWhiteSpace(Code))
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", ""), isPersistent: false, rememberClient: false);
        }
        else
        {
            ModelState.AddModelError(nameof(Code), "请输入动态口令或恢复码。");
            return Page();
        }

        await audit.RecordAsync(SignInAudit.SignIn, user.UserName, result,
            string.IsNullOrWhiteSpace(RecoveryCode) ? "网页：动态口令" : "网页：恢复码");
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? $"登录失败次数过多，账号已锁定，请{options.Value.Security.LockoutMinutes}分钟后再试。"
            : result.IsNotAllowed ? "该账号不允许登录，请联系管理员。" : "动态口令或恢复码不正确。");
        return Page();
    }
}
