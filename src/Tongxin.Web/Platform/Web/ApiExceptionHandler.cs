using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Audit;
using Tongxin.Platform.Data;

namespace Tongxin.Platform.Web;

/// <summary>For <c>/api</c> requests, answers a <see cref="DomainException"/> with problem details in
/// Chinese (400/403/404/409) and anything else with a plain Chinese 500 without a stack trace.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // With a handler path configured, the middleware has already re-pointed Request.Path at
        // /Error/500 when it calls us; the feature keeps the path that failed.
        var path = http.Features.Get<IExceptionHandlerFeature>()?.Path ?? http.Request.Path.Value;
        if (!new PathString(path).StartsWithSegments("/api"))
        {
            return false;
        }

        var (status, title) = exception switch
        {
            ValidationFailedException => (400, "提交的内容有误"),
            ForbiddenException or TenantViolationException => (403, "没有权限"),
            NotFoundException => (404, "未找到"),
            ConflictException or DbUpdateException => (409, "数据冲突"),
            BadHttpRequestException => (400, "请求格式有误"),
            _ => (500, "服务器内部错误"),
        };
        if (status == 403)
        {
            await DenialAudit.RecordAsync(http, exception.Message);
        }

        if (status == 500)
        {
            log.LogError(exception, "Unhandled API error");
        }

        var problem = exception is ValidationFailedException invalid
            ? new ValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Detail = status switch
        {
            500 => "请稍后重试；如果问题持续，请联系系统管理员。",
            409 when exception is DbUpdateConcurrencyException => new ConflictException().Message,
            409 when exception is DbUpdateException => SaveFailure.Message,
            _ => exception.Message,
        };
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}
