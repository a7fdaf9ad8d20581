using Tongxin.Modules.PublicChannels.Intake;

namespace Tongxin.Modules.PublicChannels.Points;

/// <summary>Anonymous receipt look-up for apps and mini-programs: <c>GET /api/v1/public/receipts/{code}</c>,
/// rate-limited like the page (per address and per code).</summary>
public static class PublicReceiptsApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/receipts/{code}", async Task<IResult> (string code, PublicReceipts receipts, CancellationToken ct) =>
            {
                try
                {
                    return Results.Ok(await receipts.LookupAsync(code, ct));
                }
                catch (TooManyRequestsException e)
                {
                    return Results.Problem(title: "请求过于频繁", detail: e.Message, statusCode: StatusCodes.Status429TooManyRequests);
                }
            })
            .AllowAnonymous()
            .RequireRateLimiting(PublicRateLimits.Lookup)
            .WithSummary("回执查询（公众，凭回执码）");
}
