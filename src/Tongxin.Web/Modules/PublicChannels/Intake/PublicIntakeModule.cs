namespace Tongxin.Modules.PublicChannels.Intake;

/// <summary>Registration of the abuse defence every public channel uses.</summary>
public static class PublicIntakeModule
{
    public static IServiceCollection AddPublicIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicIntakeOptions>(configuration.GetSection(PublicIntakeOptions.Section));
        services.AddSingleton<PublicFormStamps>();
        services.AddSingleton<ClientHasher>();
        services.AddSingleton<ReceiptLookupLimiter>();
        services.AddScoped<SensitiveWordFilter>();
        services.AddScoped<PublicSubmissionIntake>();
        services.AddSingleton<PublicIntakeWriter>();
        services.AddPublicRateLimits();
        return services;
    }
}
