using Tongxin.Modules.Performance.Portrait;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance.Liaison;

/// <summary>委员联系界别群众, 一人一事 and 履职画像 – registration and navigation (orders 705–715).</summary>
public static class LiaisonModule
{
    public static IServiceCollection AddPerformanceLiaison(this IServiceCollection services)
    {
        services.AddScoped<MassVisitHandler>();
        services.AddScoped<DutyPlanHandler>();
        services.AddScoped<PortraitHandler>();
        var group = PerformanceModule.NavGroup;
        services.AddSingleton(new NavItem(group, "联系界别群众", "/Performance/Visits", a => PerformanceAccess.IsMember(a) || IsReader(a), 705));
        services.AddSingleton(new NavItem(group, "一人一事", "/Performance/Plan", a => PerformanceAccess.IsMember(a) || IsReader(a), 710));
        services.AddSingleton(new NavItem(group, "履职画像", "/Performance/Portrait", a => PerformanceAccess.IsMember(a) || IsReader(a), 715));
        return services;
    }

    /// <summary>Staff with 委员履职 and leaders see the committee's views.</summary>
    public static bool IsReader(Actor a) => PerformanceAccess.IsPerformanceStaff(a) || PerformanceAccess.IsLeader(a);
}
