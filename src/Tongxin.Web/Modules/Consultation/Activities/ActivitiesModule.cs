using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Activities;

/// <summary>协商活动 – the shared activity engine: staff manage activities, members sign up, ask
/// leave and sign in; closing fixes attendance.</summary>
public static class ActivitiesModule
{
    public const string NavGroup = "协商议政";

    public static IServiceCollection AddConsultationActivities(this IServiceCollection services)
    {
        services.AddScoped<ActivityHandler>();
        services.AddScoped<ParticipationHandler>();
        services.AddScoped<SignInHandler>();
        services.AddScoped<ActivityQueries>();
        services.AddScoped<ITodoSource, ActivityTodos>();
        services.AddEventHandler<ActivityNotice, NotifyActivityMembers>();
        services.AddSingleton(new NavItem(NavGroup, "协商活动", "/Consultation/Activities", ConsultationAccess.IsConsultationStaff, 50));
        services.AddSingleton(new NavItem(NavGroup, "我的活动", "/Consultation/Activities/My", ConsultationAccess.IsMember, 51));
        return services;
    }
}
