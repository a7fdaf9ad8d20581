using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization;

public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddScoped<MemberRosterHandler>();
        services.AddScoped<RosterExcelHandler>();
        services.AddScoped<MemberProfileHandler>();
        services.AddScoped<ChangeRequestHandler>();
        services.AddScoped<ITodoSource, ChangeRequestTodos>();
        services.AddEventHandler<ProfileChangeDecided, NotifyMemberOfDecision>();

        services.AddSingleton(new NavItem("组织管理", "委员名册", "/Organization/Members",
            a => a.CommitteeId is { } c && OrganizationPermissions.CanRead(a, c), 20));
        services.AddSingleton(new NavItem("组织管理", "委员信息修改审核", "/Organization/Members/ChangeRequests",
            a => a.CommitteeId is { } c && OrganizationPermissions.CanManage(a, c), 21));
        services.AddSingleton(new NavItem("个人", "我的资料", "/Profile", a => a.IsInRole(Roles.Member), 10));
        services.AddSingleton(new NavItem("个人", "我的履职码", "/Profile#duty-code", a => a.IsInRole(Roles.Member), 11));
        return services;
    }
}
