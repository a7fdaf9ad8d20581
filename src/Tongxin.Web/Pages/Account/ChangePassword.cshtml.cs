using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tongxin.Platform;
using Tongxin.Platform.Accounts;

namespace Tongxin.Pages.Account;

/// <summary>修改密码 – also where the account gate sends an expired or administrator-set password.</summary>
public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<TongxinOptions> options, TimeProvider time)
    : SignedInPageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    /// <summary>Why the user is here when they did not come by choice.</summary>
    public string? Notice { get; private set; }

    public int HistoryDepth => options.Value.Security.PasswordHistory;

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "请输入原密码。")]
        [Display(Name = "原密码")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "请输入新密码。")]
        [Display(Name = "新密码")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "请再次输入新密码。")]
        [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致。")]
        [Display(Name = "确认新密码")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        SetNotice(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        SetNotice(user);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            }

            return Page();
        }

        // The change renewed the security stamp; a fresh cookie keeps this session and carries the new date.
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "密码已修改。";
        return LocalRedirect("/");
    }

    private void SetNotice(AppUser user)
    {
        var security = options.Value.Security;
        Notice = AccountPolicy.IsPasswordExpired(user.PasswordChangedAt, security, time.GetUtcNow())
            ? AccountPolicy.ExpiryNotice(user.PasswordChangedAt, security)
            : null;
    }
}
