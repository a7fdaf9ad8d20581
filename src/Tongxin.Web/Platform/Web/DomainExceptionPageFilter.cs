using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Audit;
using Tongxin.Platform.Data;

namespace Tongxin.Platform.Web;

/// <summary>Turns a handler's <see cref="DomainException"/> into what a user of a form expects:
/// field errors on the same page, or the Chinese 403/404 page. Nothing a user can type becomes a 500.</summary>
public sealed class DomainExceptionPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.HandlerInstance is not PageModel page)
        {
            return;
        }

        switch (executed.Exception)
        {
            case ValidationFailedException invalid:
                foreach (var (field, messages) in invalid.Errors)
                {
                    foreach (var message in messages)
                    {
                        page.ModelState.AddModelError(field, message);
                    }
                }

                executed.Result = page.Page();
                break;
            case ConflictException conflict:
                page.ModelState.AddModelError("", conflict.Message);
                executed.Result = page.Page();
                break;
            case DbUpdateConcurrencyException:
                page.ModelState.AddModelError("", new ConflictException().Message);
                executed.Result = page.Page();
                break;
            case DbUpdateException:
                page.ModelState.AddModelError("", SaveFailure.Message);
                executed.Result = page.Page();
                break;
            case ForbiddenException or TenantViolationException:
                await DenialAudit.RecordAsync(context.HttpContext, executed.Exception.Message);
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                break;
            case NotFoundException:
                executed.Result = new StatusCodeResult(StatusCodes.Status404NotFound);
                break;
            default:
                return;
        }

        executed.ExceptionHandled = true;
    }
}
