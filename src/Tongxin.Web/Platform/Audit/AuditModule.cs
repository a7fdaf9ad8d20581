using Microsoft.AspNetCore.Authorization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Platform.Audit;

/// <summary>Registration of the audit log's reading side: verifier, query handler, page, API and
/// the <c>audit verify</c> command. (The writing side is in <c>TongxinDbContext</c>.)</summary>
public static class AuditModule
{
    /// <summary>Only the audit admin (审计管理员) reads the audit log.</summary>
    public const string ReaderPolicy = "AuditReader";

    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditExcelExport>();
        // The accounts module registers the admin policies too; whichever runs first wins, both say the same.
        services.Configure<AuthorizationOptions>(o =>
        {
            if (o.GetPolicy(ReaderPolicy) is null)
            {
                o.AddPolicy(ReaderPolicy, p => p.RequireRole(Roles.AuditAdmin));
            }
        });
        services.AddSingleton(new NavItem("系统管理", "审计日志", "/Admin/Audit", a => a.IsInRole(Roles.AuditAdmin), 900));
        return services;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", SearchAsync)
            .RequireSignedIn()
            .WithName("SearchAuditLog")
            .WithSummary("审计日志查询（仅审计管理员；按时间倒序分页）");
    }

    private static async Task<PagedList<AuditRow>> SearchAsync(
        [AsParameters] AuditQuery query, AuditLog log, CancellationToken ct)
    {
        var filter = query.ToFilter();
        return await log.SearchAsync(filter, query.Page ?? 1, query.PageSize ?? 50, ct);
    }

    /// <summary>Query string of <c>GET /api/v1/audit</c>; dates as yyyy-MM-dd (Beijing days).</summary>
    public sealed record AuditQuery(
        string? From, string? To, string? UserName, string? Action, string? TargetType, Guid? CommitteeId, string? Result, int? Page, int? PageSize)
    {
        public AuditFilter ToFilter()
        {
            var okFrom = TryDate(From, out var from);
            var okTo = TryDate(To, out var to);
            new Validation()
                .Require(okFrom, "from", "from 应为日期，格式 yyyy-MM-dd。")
                .Require(okTo, "to", "to 应为日期，格式 yyyy-MM-dd。")
                .ThrowIfInvalid();
            return new AuditFilter
            {
                From = from,
                To = to,
                UserName = UserName,
                Action = Action,
                TargetType = TargetType,
                CommitteeId = CommitteeId,
                Result = Result,
            };
        }

        private static bool TryDate(string? text, out DateOnly? date)
        {
            date = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return true;
            }

            var ok = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d);
            date = ok ? d : null;
            return ok;
        }
    }
}

/// <summary><c>audit verify</c>: checks the audit log's hash chain from the command line; exit code
/// 0 when intact, 1 naming the first broken row.</summary>
public static class AuditCommand
{
    public static async Task<int> VerifyAsync(string[] args)
    {
        var app = TongxinApp.Build(args);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        var report = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        if (report.Intact)
        {
            Console.WriteLine(report.Message);
            return 0;
        }

        await Console.Error.WriteLineAsync(report.Message);
        return 1;
    }
}
