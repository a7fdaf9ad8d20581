namespace Tongxin.Modules.Proposals;

/// <summary>提案 – registration of the module's handlers, events, navigation and API.</summary>
public static class ProposalsModule
{
    public static IServiceCollection AddProposals(this IServiceCollection services)
    {
        services.AddScoped<ProposalAccess>();
        services.AddScoped<ProposalSettingsStore>();
        return services;
    }
}
