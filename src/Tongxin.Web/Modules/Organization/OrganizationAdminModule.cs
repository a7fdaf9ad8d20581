using Tongxin.Modules.Organization.Committees;
using Tongxin.Modules.Organization.Groups;
using Tongxin.Modules.Organization.HandlingUnits;
using Tongxin.Modules.Organization.Sectors;
using Tongxin.Modules.Organization.SpecialCommittees;
using Tongxin.Modules.Organization.Terms;
using Tongxin.Modules.Organization.Venues;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization;

/// <summary>组织管理 – the committee structure that staff keep: committees, terms and sessions,
/// sectors, special committees, groups, handling units and their accounts, venues.</summary>
public static class OrganizationAdminModule
{
    public const string NavGroup = "组织管理";

    public static IServiceCollection AddOrganizationAdmin(this IServiceCollection services)
    {
        services.AddScoped<CommitteeAdmin>();
        services.AddScoped<TermAdmin>();
        services.AddScoped<SectorAdmin>();
        services.AddScoped<SpecialCommitteeAdmin>();
        services.AddScoped<MemberGroupAdmin>();
        services.AddScoped<HandlingUnitAdmin>();
        services.AddScoped<HandlingUnitUserAdmin>();
        services.AddScoped<VenueAdmin>();

        (string Title, string Url)[] pages =
        [
            ("政协组织", "/Organization/Committees"),
            ("届次与会议", "/Organization/Terms"),
            ("界别", "/Organization/Sectors"),
            ("专门委员会", "/Organization/SpecialCommittees"),
            ("委员小组", "/Organization/Groups"),
            ("承办单位", "/Organization/HandlingUnits"),
            ("履职平台", "/Organization/Venues"),
        ];
        for (var i = 0; i < pages.Length; i++)
        {
            services.AddSingleton(new NavItem(NavGroup, pages[i].Title, pages[i].Url, IsVisible, 200 + i));
        }

        return services;
    }

    /// <summary>Staff who keep the organisation, and leaders who read it.</summary>
    private static bool IsVisible(Actor actor) =>
        (actor.IsInRole(Roles.Staff) && actor.HasPermission(Permissions.Organization)) || actor.IsInRole(Roles.Leader);
}
