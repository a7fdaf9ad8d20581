using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Bulletins;

/// <summary>期刊 – registration of the bulletins part: its handler and its place in the 社情民意 menu.</summary>
public static class BulletinsModule
{
    public const string ListPage = "/Opinions/Bulletins";

    public static string DetailUrl(Guid id) => $"/Opinions/Bulletins/Detail/{id}";

    public static IServiceCollection AddOpinionBulletins(this IServiceCollection services)
    {
        services.AddScoped<BulletinHandler>();
        services.AddSingleton(new NavItem("社情民意", "期刊编发", ListPage, BulletinHandler.MayRead, 140));
        return services;
    }
}
