using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Accounts;

namespace Tongxin.Pages.Admin.Users;

/// <summary>重置密码 – the owner must change it at the next sign-in.</summary>
[Authorize(Policy = AdminPolicies.AccountAdmin)]
public class ResetPasswordModel(UserAdminHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await handler.ResetPasswordAsync(Id, NewPassword);
        TempData["Message"] = "密码已重置，账号所有人下次登录时须修改密码。";
        return RedirectToPage("Index");
    }
}
