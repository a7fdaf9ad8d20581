namespace Tongxin.Platform.Attachments;

public static class AttachmentsModule
{
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddScoped<AttachmentService>();
        return services;
    }
}
