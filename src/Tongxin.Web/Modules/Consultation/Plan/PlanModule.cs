using Tongxin.Platform.Accounts;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Plan;

/// <summary>年度协商计划与选题库 – registration of the plan part: topic pool, plan, exports and the
/// consultation settings page.</summary>
public static class PlanModule
{
    public const string NavGroup = "协商议政";

    public static IServiceCollection AddConsultationPlan(this IServiceCollection services)
    {
        services.AddScoped<TopicPoolHandler>();
        services.AddScoped<PlanHandler>();
        services.AddScoped<PlanExport>();
        services.AddScoped<ConsultationSettingsHandler>();
        services.AddSingleton(new NavItem(NavGroup, "年度协商计划", "/Consultation/Plan",
            a => ConsultationAccess.IsMember(a) || ConsultationAccess.IsLeader(a) || a.IsInRole(Roles.Staff), 50));
        services.AddSingleton(new NavItem(NavGroup, "选题库", "/Consultation/Plan/Topics", ConsultationAccess.IsConsultationStaff, 51));
        services.AddSingleton(new NavItem(NavGroup, "码上征题纳入", "/Consultation/Plan/PublicTopics", ConsultationAccess.IsConsultationStaff, 52));
        services.AddSingleton(new NavItem(NavGroup, "我要荐题", "/Consultation/Plan/Suggest", ConsultationAccess.IsMember, 53));
        services.AddSingleton(new NavItem(NavGroup, "协商设置", "/Consultation/Settings", ConsultationAccess.IsConsultationStaff, 69));
        return services;
    }
}
