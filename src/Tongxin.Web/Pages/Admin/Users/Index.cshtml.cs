using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Admin.Users;

/// <summary>账号管理 – the system admin's list of the committee's accounts.</summary>
[Authorize(Policy = AdminPolicies.AccountAdmin)]
public class IndexModel(UserAdminHandler handler, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public PagedList<UserAdminHandler.UserRow> Users { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public DateTimeOffset Now => time.GetUtcNow();

    // "page" is also the Razor Pages route value (the page's path), so the number comes from the query explicitly.
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1) =>
        Users = await handler.ListAsync(Search, pageNumber, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostDisableAsync(Guid id)
    {
        await handler.SetDisabledAsync(id, true);
        TempData["Message"] = "账号已停用。";
        return Back();
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id)
    {
        await handler.SetDisabledAsync(id, false);
        TempData["Message"] = "账号已启用。";
        return Back();
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id)
    {
        await handler.UnlockAsync(id);
        TempData["Message"] = "账号已解锁。";
        return Back();
    }

    private RedirectToPageResult Back() => RedirectToPage("Index", new { Search });
}
