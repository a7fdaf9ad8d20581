using Tongxin.Platform.Web;

namespace Tongxin.Platform.Accounts;

/// <summary>账号与安全 – the admin handlers, the shared admin policies and the "系统管理" menu.</summary>
public static class AccountsModule
{
    public const string NavGroup = "系统管理";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<UserAdminHandler>();
        services.AddScoped<SecurityAdminHandler>();
        services.AddScoped<SignInAudit>();
        services.AddAuthorizationBuilder().AddAdminPolicies();
        services.AddSingleton(new NavItem(NavGroup, "账号管理", "/Admin/Users", UserAdminHandler.CanManage, 900));
        services.AddSingleton(new NavItem(NavGroup, "角色与权限", "/Admin/Security", SecurityAdminHandler.CanManage, 910));
        services.AddSingleton(new NavItem("个人", "修改密码", AccountGateMiddleware.ChangePasswordPath, a => a.IsAuthenticated, 990));
        services.AddSingleton(new NavItem("个人", "双因素认证", AccountGateMiddleware.TwoFactorSetupPath, a => a.IsAuthenticated, 995));
        return services;
    }

    /// <summary>Runs after authentication and the actor: see <see cref="AccountGateMiddleware"/>.</summary>
    public static IApplicationBuilder UseAccountGate(this IApplicationBuilder app) => app.UseMiddleware<AccountGateMiddleware>();
}
