using Tongxin.Modules.Opinions.Search;
using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Screening;

/// <summary>社情民意筛选与检索 – registration of the screening handler and queue, the report index
/// and its upkeep, the search, and the navigation entries.</summary>
public static class ScreeningModule
{
    public static IServiceCollection AddOpinionScreening(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ScreeningHandler>();
        services.AddScoped<ScreeningQueue>();
        services.AddScoped<ProposalClue>();
        services.AddEventHandler<OpinionChanged, NotifyScreeningResult>();

        services.Configure<OpinionSearchOptions>(configuration.GetSection(OpinionSearchOptions.Section));
        services.AddSingleton<OpinionIndex>();
        services.AddScoped<OpinionIndexer>();
        services.AddScoped<OpinionSearch>();
        services.AddEventHandler<OpinionChanged, OpinionIndexHandler>();
        services.AddHostedService<OpinionIndexStartup>();

        services.AddSingleton(new NavItem("社情民意", "信息筛选", "/Opinions/Screening", OpinionAccess.IsOpinionStaff, 20));
        services.AddSingleton(new NavItem("社情民意", "信息检索", "/Opinions/Screening/Search",
            a => OpinionAccess.IsOpinionStaff(a) || OpinionAccess.IsLeader(a), 25));
        return services;
    }
}
