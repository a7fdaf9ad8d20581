using Tongxin.Modules.Proposals.Review;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals;

/// <summary>提案 – registration of the module's core: access, settings, staff review and
/// assignment, reply review, rating, reminders and notifications.</summary>
public static class ProposalsModule
{
    public static IServiceCollection AddProposals(this IServiceCollection services)
    {
        services.AddScoped<ProposalAccess>();
        services.AddScoped<ProposalSettingsStore>();
        services.AddScoped<Platform.Attachments.IAttachmentOwnerAccess, ProposalAttachmentAccess>();
        services.AddScoped<ProposalSettingsHandler>();
        services.AddScoped<ProposalReviewHandler>();
        services.AddScoped<ProposalAssignmentHandler>();
        services.AddScoped<ReplyReviewHandler>();
        services.AddScoped<ProposalRatingHandler>();
        services.AddScoped<ProposalDetailQuery>();
        services.AddScoped<ProposalReminderJob>();
        services.AddHostedService<ProposalReminderService>();
        services.AddEventHandler<ProposalChanged, NotifyProposalParties>();
        services.AddScoped<ITodoSource, ProposalStaffTodos>();
        services.AddScoped<ITodoSource, ProposalRatingTodos>();

        services.AddSingleton(new NavItem("提案", "提案工作设置", "/Proposals/Settings",
            a => ProposalAccess.IsProposalStaff(a), 39));
        services.AddSingleton(new NavItem("提案", "答复审核与退回申请", "/Proposals/Review/Queue",
            a => ProposalAccess.IsProposalStaff(a), 33));
        services.AddSingleton(new NavItem("提案", "专题项目", "/Proposals/Review/Projects",
            a => ProposalAccess.IsProposalStaff(a), 36));
        return services;
    }
}
