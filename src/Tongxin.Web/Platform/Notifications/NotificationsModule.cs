using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Platform.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationService>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddEventHandler<NotificationCreated, NotificationEmailHandler>();
        services.AddSingleton(new NavItem("个人", "消息", "/Inbox", a => a.IsAuthenticated, Order: 900));
        return services;
    }
}
