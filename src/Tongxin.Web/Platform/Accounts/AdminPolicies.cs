using Microsoft.AspNetCore.Authorization;

namespace Tongxin.Platform.Accounts;

/// <summary>三权分立 – one authorization policy per admin role, shared by name with the other
/// modules (the audit pages use <c>[Authorize(Policy = "AuditReader")]</c>).</summary>
public static class AdminPolicies
{
    /// <summary>审计管理员 only: reads and exports the audit log.</summary>
    public const string AuditReader = "AuditReader";

    /// <summary>系统管理员 only: accounts (create, disable, reset, unlock).</summary>
    public const string AccountAdmin = "AccountAdmin";

    /// <summary>安全管理员 only: roles, module permissions and the security policy.</summary>
    public const string SecurityAdmin = "SecurityAdmin";

    public static AuthorizationBuilder AddAdminPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(AuditReader, p => p.RequireRole(Roles.AuditAdmin))
        .AddPolicy(AccountAdmin, p => p.RequireRole(Roles.SysAdmin))
        .AddPolicy(SecurityAdmin, p => p.RequireRole(Roles.SecAdmin));
}
