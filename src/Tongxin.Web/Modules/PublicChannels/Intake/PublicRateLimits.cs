using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>访问频率限制 – named rate-limiter policies per client address for the public endpoints.
/// Put <c>[EnableRateLimiting(PublicRateLimits.Submit)]</c> on a page model or
/// <c>.RequireRateLimiting(…)</c> on an endpoint. The submit and support policies count posts only
/// (reading the form is free); lookup counts every request.</summary>
public static class PublicRateLimits
{
    public const string Submit = "public-submit";
    public const string Lookup = "public-lookup";
    public const string Support = "public-support";

    public const string Message = "操作过于频繁，请稍后再试。";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Submit, http => PerClient(http, Submit, x => x.SubmitPerMinute, postsOnly: true));
            o.AddPolicy(Lookup, http => PerClient(http, Lookup, x => x.LookupPerMinute, postsOnly: false));
            o.AddPolicy(Support, http => PerClient(http, Support, x => x.SupportPerMinute, postsOnly: true));
            o.OnRejected = (context, ct) => new ValueTask(WriteRejectionAsync(context.HttpContext, ct));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, string policy, Func<PublicIntakeOptions, int> limit, bool postsOnly)
    {
        if (postsOnly && !HttpMethods.IsPost(http.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var permits = limit(http.RequestServices.GetRequiredService<IOptions<PublicIntakeOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}:{ClientKey(http)}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    /// <summary>The client address the limits count by (the connection's; a proxy in front must
    /// forward it with the forwarded-headers middleware).</summary>
    public static string ClientKey(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : IPAddress.None.ToString();

    /// <summary>A Chinese 429: problem+json under /api, a small page otherwise.</summary>
    public static async Task WriteRejectionAsync(HttpContext http, CancellationToken ct)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = "60";
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await http.Response.WriteAsJsonAsync(
                new ProblemDetails { Status = 429, Title = "请求过于频繁", Detail = Message },
                options: null,
                contentType: "application/problem+json",
                cancellationToken: ct);
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>请求过于频繁 - 同心</title></head><body style=\"font-family:sans-serif;padding:1.5rem;max-width:32rem;margin:auto\">"
            + $"<h1 style=\"font-size:1.4rem\">请求过于频繁</h1><p>{Message}（约一分钟后恢复）</p></body></html>",
            ct);
    }
}

/// <summary>Look-ups of one receipt code, counted whatever the address: guessing or hammering one
/// code stays slow even from many addresses.</summary>
public sealed class ReceiptLookupLimiter(IOptions<PublicIntakeOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(code =>
        RateLimitPartition.GetFixedWindowLimiter(code, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.CodeLookupsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>True when the code may be looked up now (takes one permit).</summary>
    public bool TryAcquire(string code)
    {
        using var lease = limiter.AttemptAcquire(code);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
