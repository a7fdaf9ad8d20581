using Tongxin.Modules.Supervision.Figures;
using Tongxin.Platform.Events;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Letters;

/// <summary>民主监督建议书 and 民主监督统计 – registration of the letters (handler, queries, Word export,
/// to-dos, the unit's notice) and the figures page, with their navigation.</summary>
public static class LettersModule
{
    public static IServiceCollection AddSupervisionLettersAndFigures(this IServiceCollection services)
    {
        services.AddScoped<LetterHandler>();
        services.AddScoped<LetterQueries>();
        services.AddScoped<LetterDocuments>();
        services.AddScoped<ITodoSource, LetterTodos>();
        services.AddEventHandler<SupervisionLetterSent, NotifyLetterRecipient>();
        services.AddScoped<SupervisionFigures>();
        services.AddSingleton(new NavItem(SupervisionModule.NavGroup, "民主监督建议书", "/Supervision/Letters", MayUseLetters, 640));
        services.AddSingleton(new NavItem(SupervisionModule.NavGroup, "民主监督统计", "/Supervision/Figures", SupervisionFigures.MayView, 650));
        return services;
    }

    /// <summary>Staff with 民主监督, members (the page shows the letters of their groups) and units.</summary>
    public static bool MayUseLetters(Actor a) => SupervisionAccess.IsSupervisionStaff(a) || SupervisionAccess.IsMember(a) || SupervisionAccess.IsUnit(a);
}
