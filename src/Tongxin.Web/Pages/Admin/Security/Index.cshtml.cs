using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Admin.Security;

/// <summary>角色与权限 – the security admin's view of who holds which role and module permission,
/// and the security policy in force.</summary>
[Authorize(Policy = AdminPolicies.SecurityAdmin)]
public class IndexModel(SecurityAdminHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<SecurityAdminHandler.GrantRow> Users { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public SecurityOptions Policy { get; private set; } = new();

    public async Task OnGetAsync()
    {
        Policy = handler.Policy();
        Users = await handler.ListAsync(Search, PageNumber, HttpContext.RequestAborted);
    }
}
