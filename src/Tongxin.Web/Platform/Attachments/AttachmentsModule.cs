using Tongxin.Platform.Web;

namespace Tongxin.Platform.Attachments;

public static class AttachmentsModule
{
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddScoped<AttachmentService>();
        services.AddSingleton(new NavItem("个人", "上传文件", "/Files/Upload", a => a.IsAuthenticated && a.CommitteeId is not null, Order: 910));
        return services;
    }
}
