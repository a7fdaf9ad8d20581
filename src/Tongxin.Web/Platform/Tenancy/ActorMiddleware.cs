using System.Security.Claims;
using Tongxin.Platform.Accounts;

namespace Tongxin.Platform.Tenancy;

/// <summary>Turns the authenticated principal into the request's <see cref="Actor"/>.</summary>
public sealed class ActorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ActorAccessor accessor, CommitteeTree tree)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString();
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && Guid.TryParse(user.FindFirstValue(TongxinClaims.Committee), out var committeeId))
        {
            accessor.Actor = new Actor(
                userId,
                user.Identity.Name ?? "",
                committeeId,
                [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
                [.. user.FindAll(TongxinClaims.Permission).Select(c => c.Value)],
                await tree.ReadableFromAsync(committeeId, context.RequestAborted),
                ip)
            {
                MemberId = Guid.TryParse(user.FindFirstValue(TongxinClaims.Member), out var m) ? m : null,
                HandlingUnitId = Guid.TryParse(user.FindFirstValue(TongxinClaims.HandlingUnit), out var u) ? u : null,
            };
        }
        else
        {
            accessor.Actor = Actor.Anonymous(ip);
        }

        await next(context);
    }
}
