using Tongxin.Modules.Supervision.Groups;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Topics;

/// <summary>专项民主监督与民主监督员小组 – topics with 三级联动 and their roll-up, supervisor groups and
/// their members, and supervision activities on the shared engine (nav orders 600–619).</summary>
public static class TopicsModule
{
    public static IServiceCollection AddSupervisionTopicsAndGroups(this IServiceCollection services)
    {
        services.AddScoped<TopicHandler>();
        services.AddScoped<TopicRollup>();
        services.AddScoped<GroupHandler>();
        services.AddScoped<GroupQueries>();
        services.AddScoped<SupervisionActivityHandler>();
        var group = SupervisionModule.NavGroup;
        services.AddSingleton(new NavItem(group, "专项民主监督", "/Supervision/Topics", SupervisionAccess.IsSupervisionStaff, 600));
        services.AddSingleton(new NavItem(group, "民主监督员小组", "/Supervision/Groups", SupervisionAccess.IsSupervisionStaff, 605));
        services.AddSingleton(new NavItem(group, "我的监督小组", "/Supervision/Groups/My", SupervisionAccess.IsMember, 610));
        return services;
    }
}
