using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance.MemberRecord;

/// <summary>我的履职 and the annual duty reports (one and in bulk): handlers, the bulk job's queue
/// and worker, and the navigation.</summary>
public static class MemberRecordModule
{
    public static IServiceCollection AddPerformanceMember(this IServiceCollection services)
    {
        services.AddScoped<AnnualReportHandler>();
        services.AddScoped<AnnualReportBatch>();
        services.AddSingleton<AnnualReportJobs>();
        services.AddHostedService<AnnualReportWorker>();
        services.AddSingleton(new NavItem(PerformanceModule.NavGroup, "我的履职", "/Performance", PerformanceAccess.IsMember, 700));
        services.AddSingleton(new NavItem(PerformanceModule.NavGroup, "批量履职报告", "/Performance/Reports", PerformanceAccess.IsPerformanceStaff, 760));
        return services;
    }
}
