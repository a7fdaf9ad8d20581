namespace Tongxin.Modules.Supervision;

/// <summary>民主监督 – registration of the module's core. Each part (topics and groups, problems,
/// letters, figures) registers itself in its own file with its own nav items (group "民主监督",
/// orders 600–699).</summary>
public static class SupervisionModule
{
    public const string NavGroup = "民主监督";

    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddScoped<SupervisionAccess>();
        return services;
    }
}
