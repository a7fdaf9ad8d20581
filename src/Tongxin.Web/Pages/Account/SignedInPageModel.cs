using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongxin.Pages.Account;

/// <summary>Base of the account pages that need a signed-in user. The /Account folder is open to
/// anonymous visitors (login), which overrides <c>[Authorize]</c>, so these pages check themselves.</summary>
public abstract class SignedInPageModel : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            context.Result = Challenge();
            return;
        }

        await next();
    }
}
