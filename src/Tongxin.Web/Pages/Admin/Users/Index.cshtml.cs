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

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedList<UserAdminHandler.UserRow> Users { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task OnGetAsync() => Users = await handler.ListAsync(Search, PageNumber, HttpContext.RequestAborted);

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

    private RedirectToPageResult Back() => RedirectToPage(new { Search, page = PageNumber });
}
