using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Platform.Audit;

/// <summary>越权访问审计 – a refused action (403) is recorded with result "拒绝", so the audit
/// admin sees attempts, not only successes. Written in a scope of its own: the request's context
/// may hold the refused, unsaved change.</summary>
public static class DenialAudit
{
    public static async Task RecordAsync(HttpContext http, string reason)
    {
        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = http.RequestServices.GetRequiredService<IActorAccessor>().Actor;
        var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        var path = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        db.Audit("访问被拒绝", "Request", $"{http.Request.Method} {path}", "拒绝", reason);
        await db.SaveChangesAsync(http.RequestAborted);
    }
}
