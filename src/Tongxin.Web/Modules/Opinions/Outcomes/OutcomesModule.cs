using Tongxin.Modules.Opinions.Statistics;
using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Outcomes;

/// <summary>采用与批示、上报、积分与统计 – registration of the outcome recording, the cross-level
/// handler, scoring queries, statistics and their API.</summary>
public static class OutcomesModule
{
    public static IServiceCollection AddOpinionOutcomes(this IServiceCollection services)
    {
        services.AddScoped<OpinionOutcomeHandler>();
        services.AddScoped<OpinionOutcomeQuery>();
        services.AddScoped<OpinionMemberPoints>();
        services.AddScoped<OpinionStatisticsHandler>();
        services.AddScoped<OpinionStatisticsExcel>();
        services.AddEventHandler<OpinionChanged, CrossLevelForwarding>();
        services.AddSingleton(new NavItem("社情民意", "社情民意统计", "/Opinions/Statistics",
            a => OpinionAccess.IsOpinionStaff(a) || OpinionAccess.IsLeader(a), 480));
        return services;
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/opinions").RequireSignedIn().WithTags("社情民意结果与统计");
        g.MapGet("/{id:guid}/outcomes", (Guid id, OpinionOutcomeQuery q, CancellationToken ct) => q.GetAsync(id, ct));
        g.MapPost("/{id:guid}/outcomes/adoptions", async (Guid id, AdoptionInput input, OpinionOutcomeHandler h, CancellationToken ct) =>
            Results.Created($"/api/v1/opinions/{id}/outcomes", new { id = await h.RecordAdoptionAsync(id, input, ct) }));
        g.MapPost("/{id:guid}/outcomes/instructions", async (Guid id, InstructionInput input, OpinionOutcomeHandler h, CancellationToken ct) =>
            Results.Created($"/api/v1/opinions/{id}/outcomes", new { id = await h.RecordInstructionAsync(id, input, ct) }));
        g.MapPut("/outcomes/{outcomeId:guid}/adoption", async (Guid outcomeId, AdoptionInput input, OpinionOutcomeHandler h, CancellationToken ct) =>
        {
            await h.UpdateAdoptionAsync(outcomeId, input, ct);
            return Results.NoContent();
        });
        g.MapPut("/outcomes/{outcomeId:guid}/instruction", async (Guid outcomeId, InstructionInput input, OpinionOutcomeHandler h, CancellationToken ct) =>
        {
            await h.UpdateInstructionAsync(outcomeId, input, ct);
            return Results.NoContent();
        });
        g.MapDelete("/outcomes/{outcomeId:guid}", async (Guid outcomeId, OpinionOutcomeHandler h, CancellationToken ct) =>
        {
            await h.DeleteAsync(outcomeId, ct);
            return Results.NoContent();
        });
        g.MapPost("/{id:guid}/forward", async (Guid id, OpinionOutcomeHandler h, CancellationToken ct) =>
        {
            await h.ForwardAsync(id, ct);
            return Results.Accepted($"/api/v1/opinions/{id}/outcomes");
        });
        g.MapGet("/statistics", (OpinionStatisticsHandler h, Guid? committeeId, int? year, CancellationToken ct) => h.GetAsync(committeeId, year, ct));
        g.MapGet("/statistics/export", async (OpinionStatisticsExcel h, Guid? committeeId, int? year, OpinionStatisticsTable? table, CancellationToken ct) =>
        {
            var (content, name) = await h.ExportAsync(committeeId, year, table, ct);
            return Results.File(content, OpinionStatisticsExcel.ContentType, name);
        });
    }
}
