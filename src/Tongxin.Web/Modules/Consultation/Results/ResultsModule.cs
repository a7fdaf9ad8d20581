using Tongxin.Platform.Attachments;
using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Results;

/// <summary>协商成果 – registration of the results loop: suggestions, minutes, 三微, figures,
/// their to-dos, notifications and navigation.</summary>
public static class ResultsModule
{
    public static IServiceCollection AddConsultationResults(this IServiceCollection services)
    {
        services.AddScoped<SuggestionHandler>();
        services.AddScoped<SuggestionQueries>();
        services.AddScoped<MinutesHandler>();
        services.AddScoped<MinutesList>();
        services.AddScoped<ResultsFigures>();
        services.AddScoped<ITodoSource, ResultsTodos>();
        services.AddScoped<IAttachmentOwnerAccess, MinutesAttachmentAccess>();
        services.AddEventHandler<ConsultationSuggestionChanged, NotifySuggestionParties>();
        const string group = "协商议政";
        services.AddSingleton(new NavItem(group, "意见建议办理", "/Consultation/Results", ConsultationAccess.IsConsultationStaff, 540));
        services.AddSingleton(new NavItem(group, "协商纪要", "/Consultation/Results/Minutes", ConsultationAccess.IsConsultationStaff, 541));
        services.AddSingleton(new NavItem(group, "微建言办理", "/Consultation/Results/Micro", ConsultationAccess.IsConsultationStaff, 542));
        services.AddSingleton(new NavItem(group, "协商成果统计", "/Consultation/Results/Figures", ResultsFigures.MayView, 543));
        services.AddSingleton(new NavItem(group, "待阅批纪要", "/Consultation/Results/Leader", ConsultationAccess.IsLeader, 544));
        services.AddSingleton(new NavItem(group, "承办意见建议", "/Consultation/Results/Unit", ConsultationAccess.IsUnit, 545));
        services.AddSingleton(new NavItem(group, "我的微建言", "/Consultation/Results/Micro/My", ConsultationAccess.IsMember, 546));
        return services;
    }
}
