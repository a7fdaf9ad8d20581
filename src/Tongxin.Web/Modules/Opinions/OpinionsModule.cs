namespace Tongxin.Modules.Opinions;

/// <summary>社情民意 – registration of the module's core: access and settings. Each part
/// (reports, screening, bulletins, outcomes, statistics) registers itself in its own file.</summary>
public static class OpinionsModule
{
    public static IServiceCollection AddOpinions(this IServiceCollection services)
    {
        services.AddScoped<OpinionAccess>();
        services.AddScoped<OpinionSettingsStore>();
        return services;
    }
}
