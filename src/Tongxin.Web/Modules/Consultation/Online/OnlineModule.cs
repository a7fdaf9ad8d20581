using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Online;

/// <summary>网络议政 – registration of the online consultation part: handlers, the live hub and
/// the navigation entries.</summary>
public static class OnlineModule
{
    public static IServiceCollection AddConsultationOnline(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddScoped<DiscussionAccess>();
        services.AddScoped<DiscussionAdmin>();
        services.AddScoped<DiscussionComments>();
        services.AddScoped<DiscussionQuery>();
        services.AddScoped<CommentModeration>();
        services.AddSingleton<IDiscussionBroadcaster, SignalRDiscussionBroadcaster>();
        services.AddSingleton(new NavItem("协商议政", "网络议政", "/Consultation/Discussions", DiscussionAccess.MayTakePart, 60));
        services.AddSingleton(new NavItem("协商议政", "网络议政评论审核", "/Consultation/Discussions/Moderation", DiscussionAccess.IsModerator, 61));
        return services;
    }

    /// <summary>The live hub (anonymous connections allowed: joining a group checks the rights).</summary>
    public static void Map(WebApplication app) => app.MapHub<DiscussionHub>(DiscussionHub.Path);
}
