using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Handling;

/// <summary>提案办理（承办单位） – registration of the unit side: handlers, to-dos, navigation and API.</summary>
public static class HandlingModule
{
    public static IServiceCollection AddProposalHandling(this IServiceCollection services)
    {
        services.AddScoped<UnitHandlingHandler>();
        services.AddScoped<UnitHandlingQueries>();
        services.AddScoped<UnitInboxHandler>();
        services.AddScoped<ITodoSource, UnitTodos>();
        services.AddSingleton(new NavItem("提案", "承办提案", "/Proposals/Unit", ProposalAccess.IsUnit, 300));
        return services;
    }

    /// <summary>The unit's API: the same handlers as the pages.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var unit = api.MapGroup("/unit/proposals").RequireSignedIn().WithTags("提案办理（承办单位）");
        unit.MapGet("/", (UnitInboxHandler h, CancellationToken ct, AssignmentStatus? status, AssignmentRole? role, Guid? sessionId, DueFilter? due, int page = 1) =>
            h.ListAsync(new UnitInboxFilter(status, role, sessionId, due), page, ct));
        unit.MapGet("/export", async (UnitInboxHandler h, CancellationToken ct, AssignmentStatus? status, AssignmentRole? role, Guid? sessionId, DueFilter? due) =>
            Results.File(await h.ExportAsync(new UnitInboxFilter(status, role, sessionId, due), ct), UnitInboxHandler.ContentType, UnitInboxHandler.ExportName));
        unit.MapGet("/{id:guid}", (Guid id, UnitHandlingQueries q, CancellationToken ct) => q.GetAsync(id, ct));
        unit.MapPost("/{id:guid}/accept", async (Guid id, UnitHandlingHandler h, CancellationToken ct) =>
        {
            await h.AcceptAsync(id, ct);
            return Results.NoContent();
        });
        unit.MapPost("/{id:guid}/return-request", async (Guid id, ReturnRequestInput input, UnitHandlingHandler h, CancellationToken ct) =>
        {
            await h.RequestReturnAsync(id, input, ct);
            return Results.NoContent();
        });
        unit.MapPost("/{id:guid}/contacts", async (Guid id, ContactInput input, UnitHandlingHandler h, CancellationToken ct) =>
            Results.Ok(new { id = await h.AddContactAsync(id, input, ct) }));
        unit.MapPost("/{id:guid}/co-opinion", async (Guid id, CoOpinionInput input, UnitHandlingHandler h, CancellationToken ct) =>
        {
            await h.GiveCoOpinionAsync(id, input, ct);
            return Results.NoContent();
        });
        unit.MapPut("/{id:guid}/reply", async (Guid id, ReplyInput input, UnitHandlingHandler h, CancellationToken ct) =>
            Results.Ok(new { id = await h.SaveReplyAsync(id, input, submit: false, ct) }));
        unit.MapPost("/{id:guid}/reply/submit", async (Guid id, ReplyInput input, UnitHandlingHandler h, CancellationToken ct) =>
            Results.Ok(new { id = await h.SaveReplyAsync(id, input, submit: true, ct) }));
        unit.MapPut("/{id:guid}/items/{itemId:guid}/status", async (Guid id, Guid itemId, ItemStatusInput input, UnitHandlingHandler h, CancellationToken ct) =>
        {
            await h.UpdateItemAsync(id, itemId, input, ct);
            return Results.NoContent();
        });
    }
}
