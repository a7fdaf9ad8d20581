using Microsoft.AspNetCore.Mvc;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance.Staff;

/// <summary>委员履职 – the staff side: the committee table (履职管理, 720), the rule table (积分规则, 730)
/// and the leaderboards (履职榜单, 740), with their API.</summary>
public static class StaffModule
{
    public static IServiceCollection AddPerformanceStaff(this IServiceCollection services)
    {
        services.AddScoped<CommitteeScores>();
        services.AddScoped<DutyRulesEditor>();
        services.AddScoped<Leaderboards>();
        services.AddSingleton(new NavItem(PerformanceModule.NavGroup, "履职管理", "/Performance/Committee",
            a => PerformanceAccess.IsPerformanceStaff(a) || PerformanceAccess.IsLeader(a), 720));
        services.AddSingleton(new NavItem(PerformanceModule.NavGroup, "积分规则", "/Performance/Rules", PerformanceAccess.IsPerformanceStaff, 730));
        services.AddSingleton(new NavItem(PerformanceModule.NavGroup, "履职榜单", "/Performance/Leaderboards",
            a => a.IsAuthenticated && a.CommitteeId is not null, 740));
        return services;
    }

    /// <summary>GET a committee-year's scores (50 a page) and one of its leaderboards – the same handlers as the pages.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/performance/committees/{id:guid}").RequireSignedIn().WithTags("委员履职");
        g.MapGet("/scores", (Guid id, CommitteeScores scores, CancellationToken ct, int? year, Guid? sectorId, Guid? groupId, string? grade, bool? missing,
            [FromQuery(Name = "q")] string? search, int page = 1) =>
            scores.GetAsync(id, year ?? scores.DefaultYear, new CommitteeScoreFilter(sectorId, groupId, grade, missing ?? false, search), page, ct));
        g.MapGet("/leaderboards/{board}", (Guid id, string board, Leaderboards boards, CommitteeScores scores, CancellationToken ct, int? year,
            LeaderboardScope? by, int page = 1) =>
            Leaderboards.Parse(board) is { } b
                ? boards.GetAsync(id, year ?? scores.DefaultYear, b, by ?? LeaderboardScope.Member, page, ct)
                : throw new NotFoundException("榜单"));
    }
}
