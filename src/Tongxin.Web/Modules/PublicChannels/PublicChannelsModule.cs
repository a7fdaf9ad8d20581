using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels;

/// <summary>公众渠道 – registration of the abuse defence (Intake) and the 码上商 points. The studios
/// and 码上征题 parts register themselves in their own files.</summary>
public static class PublicChannelsModule
{
    public static IServiceCollection AddPublicChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPublicIntake(configuration);
        services.AddScoped<LiaisonPointAdmin>();
        services.AddScoped<PointPoster>();
        services.AddScoped<PublicPointForm>();
        services.AddSingleton<PublicPointCache>();
        services.AddScoped<PublicReceipts>();
        services.AddScoped<LetterInbox>();
        services.AddScoped<ModerationQueue>();
        services.AddScoped<SensitiveWordAdmin>();
        services.AddScoped<ITodoSource, PointsTodos>();
        services.AddEventHandler<PublicSubmissionReceived, PointLetterNotifier>();
        services.AddSingleton(new NavItem("公众渠道", "码上商联络点", "/PublicChannels/Points", PointsAccess.CanManagePoints, 10));
        services.AddSingleton(new NavItem("公众渠道", "我的码上商来信", "/PublicChannels/Letters",
            a => PointsAccess.IsPublicStaff(a) || a.IsInRole(Roles.Member) || a.IsInRole(Roles.Staff), 20));
        services.AddSingleton(new NavItem("公众渠道", "来信审核", "/PublicChannels/Moderation", PointsAccess.IsPublicStaff, 30));
        services.AddSingleton(new NavItem("公众渠道", "敏感词", "/PublicChannels/SensitiveWords", PointsAccess.IsPublicStaff, 40));
        return services;
    }

    /// <summary>The rate limiter (after routing, so it sees the pages' policies) and the public API.</summary>
    public static void Use(WebApplication app)
    {
        app.UseRateLimiter();
        PublicReceiptsApi.Map(app.MapGroup("/api/v1/public").WithTags("Public"));
    }
}
