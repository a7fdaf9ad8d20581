using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tongxin.Platform;
using Tongxin.Platform.Accounts;

namespace Tongxin.Pages.Account;

public class LoginModel(SignInManager<AppUser> signIn, IOptions<TongxinOptions> options, SignInAudit audit) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool DemoMode => options.Value.DemoMode;

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "请输入用户名。")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请输入密码。")]
        [Display(Name = "密码")]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!DemoMode && DemoAccounts.IsDemoAccount(Input.UserName))
        {
            await audit.RecordAsync(SignInAudit.SignIn, Input.UserName, Microsoft.AspNetCore.Identity.SignInResult.NotAllowed, "网页：演示账号在非演示模式下被拒绝");
            ModelState.AddModelError("", "演示账号仅在演示模式下可用。");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        await audit.RecordAsync(SignInAudit.SignIn, Input.UserName.Trim(), result, "网页：用户名和密码");
        if (result.Succeeded)
        {
            // An admin without two factors or an expired password is stopped by the account gate.
            return LocalRedirect(next);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl = next });
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? $"登录失败次数过多，账号已锁定，请{options.Value.Security.LockoutMinutes}分钟后再试。"
            : result.IsNotAllowed ? "该账号不允许登录，请联系管理员。" : "用户名或密码不正确。");
        return Page();
    }
}
