using Tongxin.Modules.Consultation;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Supervision;
using Tongxin.Platform.Events;

namespace Tongxin.Modules.Performance;

/// <summary>委员履职 – registration of the module's core: the ledger, its collectors (one per source
/// module) and the event handlers of the incremental path. Pages register in their own parts
/// (nav group "委员履职", orders 700–799).</summary>
public static class PerformanceModule
{
    public const string NavGroup = "委员履职";

    public static IServiceCollection AddPerformance(this IServiceCollection services)
    {
        services.AddScoped<PerformanceAccess>();
        services.AddScoped<DutyLedger>();
        services.AddScoped<DutyRecordQuery>();
        services.AddScoped<IDutyCollector, ActivityDutyCollector>();
        services.AddScoped<IDutyCollector, ProposalDutyCollector>();
        services.AddScoped<IDutyCollector, OpinionDutyCollector>();
        services.AddScoped<IDutyCollector, SupervisionDutyCollector>();
        services.AddScoped<IDutyCollector, LiaisonDutyCollector>();
        services.AddEventHandler<ActivityAttendanceFixed, DutyLedgerUpdater>();
        services.AddEventHandler<ProposalChanged, DutyLedgerUpdater>();
        services.AddEventHandler<OpinionChanged, DutyLedgerUpdater>();
        services.AddEventHandler<SupervisionProblemRecorded, DutyLedgerUpdater>();
        services.AddEventHandler<SupervisionProblemChanged, DutyLedgerUpdater>();
        services.AddEventHandler<SupervisionLetterSent, DutyLedgerUpdater>();
        services.AddEventHandler<DutyRecordChanged, DutyLedgerUpdater>();
        return services;
    }
}
