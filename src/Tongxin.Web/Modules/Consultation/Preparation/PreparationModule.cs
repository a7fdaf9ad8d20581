using Tongxin.Platform.Attachments;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Preparation;

/// <summary>会前准备与发言 – registration of the tasks and materials handler, the speeches and the
/// best-speech vote, the overview query, the staff to-dos and the materials' download rule.</summary>
public static class PreparationModule
{
    public const string NavGroup = "协商议政";

    public static IServiceCollection AddConsultationPreparation(this IServiceCollection services)
    {
        services.AddScoped<PreparationAccess>();
        services.AddScoped<PreparationHandler>();
        services.AddScoped<SpeechHandler>();
        services.AddScoped<PreparationQuery>();
        services.AddScoped<ITodoSource, PreparationTodos>();
        services.AddScoped<IAttachmentOwnerAccess, MaterialAttachmentAccess>();
        return services;
    }
}
