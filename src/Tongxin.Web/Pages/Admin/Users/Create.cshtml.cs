using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Accounts;

namespace Tongxin.Pages.Admin.Users;

/// <summary>新建账号 – by the system admin, for the non-admin roles.</summary>
[Authorize(Policy = AdminPolicies.AccountAdmin)]
public class CreateModel(UserAdminHandler handler) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? InitialPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await handler.CreateAsync(new UserAdminHandler.NewUser(UserName, DisplayName, Role, InitialPassword));
        TempData["Message"] = $"账号 {UserName} 已创建，首次登录时须修改密码。";
        return RedirectToPage("Index", new { search = UserName });
    }
}
