using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Accounts;

namespace Tongxin.Pages.Account;

public class LogoutModel(SignInManager<AppUser> signIn, SignInAudit audit) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(SignInAudit.SignOut, User.Identity.Name, "成功", "网页");
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/Account/Login");
    }
}
