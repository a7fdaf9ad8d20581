using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Problems;

/// <summary>The unit's reply through the API: the version it read, the text and 整改情况 (e.g. "Rectified").</summary>
public sealed record ProblemReplyRequest(
    int Version,
    string? Text,
    [property: JsonConverter(typeof(JsonStringEnumConverter<RectificationState>))] RectificationState? Rectification);

/// <summary>问题清单 – registration of the problem chain: handlers, the monitoring-point follower,
/// notifications, reminders, to-dos, navigation (orders 620–639) and the API.</summary>
public static class ProblemsModule
{
    public static IServiceCollection AddSupervisionProblems(this IServiceCollection services)
    {
        services.AddScoped<ProblemRecording>();
        services.AddScoped<ProblemWorkflow>();
        services.AddScoped<ProblemQueries>();
        services.AddScoped<ProblemReminderJob>();
        services.AddHostedService<ProblemReminderService>();
        services.AddScoped<IPublicLetterFollower, MonitoringPointProblems>();
        services.AddScoped<IAttachmentOwnerAccess, ProblemAttachmentAccess>();
        services.AddScoped<ITodoSource, ProblemTodos>();
        services.AddEventHandler<SupervisionProblemRecorded, ProblemNotifications>();
        services.AddEventHandler<SupervisionProblemChanged, ProblemNotifications>();
        services.AddSingleton(new NavItem(SupervisionModule.NavGroup, "问题清单", "/Supervision/Problems",
            a => SupervisionAccess.IsSupervisionStaff(a) || SupervisionAccess.IsMember(a), 620));
        services.AddSingleton(new NavItem(SupervisionModule.NavGroup, "承办监督问题", "/Supervision/Problems/Unit", SupervisionAccess.IsUnit, 625));
        return services;
    }

    /// <summary>GET list and detail, POST record, POST the unit's reply – the same handlers as the pages.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/supervision/problems").RequireSignedIn().WithTags("民主监督问题清单");
        g.MapGet("/", (ProblemQueries queries, CancellationToken ct, ProblemStatus? status, Guid? groupId, Guid? topicId, Guid? unitId, bool? overdue,
            [FromQuery(Name = "q")] string? search, int page = 1) =>
            queries.ListAsync(new ProblemFilter { Status = status, GroupId = groupId, TopicId = topicId, UnitId = unitId, Overdue = overdue ?? false, Q = search }, page, ct));
        g.MapGet("/{id:guid}", (Guid id, ProblemQueries queries, CancellationToken ct) => queries.DetailAsync(id, ct));
        g.MapPost("/", async (ProblemInput input, ProblemRecording h, CancellationToken ct) =>
        {
            var id = await h.RecordAsync(input, ct);
            return Results.Created($"/api/v1/supervision/problems/{id}", new { id });
        });
        g.MapPost("/{id:guid}/reply", async (Guid id, ProblemReplyRequest input, ProblemWorkflow h, CancellationToken ct) =>
        {
            await h.ReplyAsync(id, input.Version, new UnitReplyInput(input.Text, input.Rectification), ct);
            return Results.NoContent();
        });
    }
}
