using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Studios;

/// <summary>线上委员工作室 – registration: studio administration, the hosts' inbox, the units'
/// forwarded messages, the public page, notifications and to-dos.</summary>
public static class StudiosModule
{
    public static IServiceCollection AddStudios(this IServiceCollection services)
    {
        services.AddScoped<StudioAccess>();
        services.AddScoped<StudioAdmin>();
        services.AddScoped<StudioMessages>();
        services.AddScoped<StudioForwarded>();
        services.AddScoped<StudioPublicPage>();
        services.AddEventHandler<StudioMessageChanged, NotifyStudioParties>();
        services.AddEventHandler<PublicSubmissionReceived, NotifyStudioParties>();
        services.AddScoped<ITodoSource, StudioTodos>();

        services.AddSingleton(new NavItem("公众渠道", "委员工作室", "/PublicChannels/Studios", PointsAccess.IsPublicStaff, 20));
        services.AddSingleton(new NavItem("公众渠道", "工作室来信", "/PublicChannels/Studios/Messages",
            a => PointsAccess.IsPublicStaff(a) || StudioAccess.IsMember(a), 21));
        services.AddSingleton(new NavItem("公众渠道", "工作室转交", "/PublicChannels/Studios/Forwarded", StudioAccess.IsUnit, 22));
        return services;
    }
}
