using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Modules.PublicChannels.Studios;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.PublicChannels.Topics;

/// <summary>码上征题 – registration: the public list, suggestions and 附议, staff moderation, and the
/// query the consultation module reads.</summary>
public static class TopicsModule
{
    public static IServiceCollection AddTopics(this IServiceCollection services)
    {
        services.AddScoped<TopicSuggestionQuery>();
        services.AddScoped<TopicModeration>();
        services.AddScoped<TopicPublicPage>();
        services.AddSingleton(new NavItem("公众渠道", "码上征题", "/PublicChannels/Topics", PointsAccess.IsPublicStaff, 25));
        return services;
    }
}
