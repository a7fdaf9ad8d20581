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

    public PagedList<SecurityAdminHandler.GrantRow> Users { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public SecurityOptions Policy { get; private set; } = new();

    // "page" is also the Razor Pages route value (the page's path), so the number comes from the query explicitly.
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1)
    {
        Policy = handler.Policy();
        Users = await handler.ListAsync(Search, pageNumber, HttpContext.RequestAborted);
    }
}
