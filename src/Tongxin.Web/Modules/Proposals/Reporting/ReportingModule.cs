using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Reporting;

/// <summary>提案管理与统计 – registration of the staff list, deadline lists, statistics, leader
/// dashboard, instructions and their API.</summary>
public static class ReportingModule
{
    private const string NavGroup = "提案";

    public static IServiceCollection AddProposalReporting(this IServiceCollection services)
    {
        services.AddScoped<ProposalListHandler>();
        services.AddScoped<ProposalExcelExport>();
        services.AddScoped<ProposalDeadlineHandler>();
        services.AddScoped<ProposalStatisticsHandler>();
        services.AddScoped<StatisticsExcel>();
        services.AddScoped<ProposalInstructionHandler>();
        services.AddScoped<LeaderDashboardHandler>();
        services.AddSingleton(new NavItem(NavGroup, "提案管理", "/Proposals/Manage", ProposalAccess.IsProposalStaff, 310));
        services.AddSingleton(new NavItem(NavGroup, "审查队列", "/Proposals/Manage?status=Submitted", ProposalAccess.IsProposalStaff, 311));
        services.AddSingleton(new NavItem(NavGroup, "超期与临期", "/Proposals/Manage/Deadlines",
            a => ProposalAccess.IsProposalStaff(a) || ProposalAccess.IsUnit(a), 312));
        services.AddSingleton(new NavItem(NavGroup, "提案统计", "/Proposals/Manage/Statistics",
            a => ProposalAccess.IsProposalStaff(a) || ProposalAccess.IsLeader(a), 313));
        services.AddSingleton(new NavItem(NavGroup, "领导驾驶舱", "/Proposals/Leader", LeaderDashboardHandler.CanView, 314));
        return services;
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/proposals").RequireSignedIn().WithTags("提案管理与统计");
        g.MapGet("/", (ProposalListHandler h, [AsParameters] ProposalFilter filter, CancellationToken ct, int page = 1) =>
            h.ListAsync(filter, page, ct));
        g.MapGet("/export", async (ProposalExcelExport h, [AsParameters] ProposalFilter filter, CancellationToken ct) =>
            Results.File(await h.ExportAsync(filter, ct), ProposalFiles.ContentType, ProposalFiles.ListName));
        g.MapGet("/deadlines", (ProposalDeadlineHandler h, CancellationToken ct, DueFilter due = DueFilter.Overdue, int page = 1) =>
            h.ListAsync(due, page, ct));
        g.MapGet("/deadlines/export", async (ProposalDeadlineHandler h, CancellationToken ct, DueFilter due = DueFilter.Overdue) =>
            Results.File(await h.ExportAsync(due, ct), ProposalFiles.ContentType, ProposalFiles.DeadlinesName));
        g.MapGet("/statistics", (ProposalStatisticsHandler h, Guid? sessionId, CancellationToken ct) => h.GetAsync(sessionId, ct));
        g.MapGet("/statistics/export", async (StatisticsExcel h, Guid? sessionId, CancellationToken ct) =>
            Results.File(await h.StatisticsAsync(sessionId, ct), ProposalFiles.ContentType, ProposalFiles.StatisticsName));
        g.MapGet("/leader-dashboard", (LeaderDashboardHandler h, CancellationToken ct) => h.GetAsync(ct));
        g.MapPost("/{id:guid}/instructions", async (Guid id, InstructionInput input, ProposalInstructionHandler h, CancellationToken ct) =>
        {
            var instructionId = await h.GiveAsync(id, input.Text, ct);
            return Results.Created($"/api/v1/proposals/{id}", new { id = instructionId });
        });
    }

    /// <summary>批示内容.</summary>
    public sealed record InstructionInput(string? Text);
}
