using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Accounts;

namespace Tongxin.Pages.Admin.Security;

/// <summary>授权 – the roles and staff module permissions of one account.</summary>
[Authorize(Policy = AdminPolicies.SecurityAdmin)]
public class EditModel(SecurityAdminHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public List<string> Permissions { get; set; } = [];

    public SecurityAdminHandler.Grants? Account { get; private set; }

    public async Task OnGetAsync()
    {
        Account = await handler.GetAsync(Id);
        Roles = [.. Account.Roles];
        Permissions = [.. Account.Permissions];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Account = await handler.GetAsync(Id);
        await handler.AssignAsync(Id, Roles, Permissions);
        TempData["Message"] = $"已更新 {Account.UserName} 的角色和权限。";
        return RedirectToPage("Index", new { search = Account.UserName });
    }
}
