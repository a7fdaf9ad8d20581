namespace Tongxin.Modules.Consultation;

/// <summary>协商议政 – registration of the module's core: access and settings. Each part (plan,
/// activities, preparation, results, online) registers itself in its own file.</summary>
public static class ConsultationModule
{
    public static IServiceCollection AddConsultation(this IServiceCollection services)
    {
        services.AddScoped<ConsultationAccess>();
        services.AddScoped<ConsultationSettingsStore>();
        return services;
    }
}
