using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Supervision;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;

namespace Tongxin.Modules.Performance.Ledger;

/// <summary>The incremental path: each source event names the members and the year it may have
/// changed; the ledger re-collects just those (<see cref="DutyLedger.RefreshAsync"/>). Runs after
/// the source change committed, in the same transaction as the outbox's handled mark.</summary>
public sealed class DutyLedgerUpdater(TongxinDbContext db, DutyLedger ledger)
    : IEventHandler<ActivityAttendanceFixed>, IEventHandler<ProposalChanged>, IEventHandler<OpinionChanged>,
      IEventHandler<SupervisionProblemRecorded>, IEventHandler<SupervisionProblemChanged>, IEventHandler<SupervisionLetterSent>,
      IEventHandler<DutyRecordChanged>
{
    private static readonly ProposalEventKind[] ProposalKinds =
    [
        ProposalEventKind.Filed, ProposalEventKind.Merged, ProposalEventKind.NotFiled, ProposalEventKind.Marked,
        ProposalEventKind.CoSigned, ProposalEventKind.Withdrawn,
    ];

    public Task HandleAsync(ActivityAttendanceFixed e, EventContext ctx, CancellationToken ct) =>
        ledger.RefreshAsync(e.CommitteeId, e.Date.Year, [e.MemberId], ct);

    public async Task HandleAsync(ProposalChanged e, EventContext ctx, CancellationToken ct)
    {
        if (!ProposalKinds.Contains(e.Kind))
        {
            return;
        }

        var p = await db.Proposals.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == e.ProposalId)
            .Select(x => new { x.CommitteeId, x.Year, x.LeadMemberId }).FirstOrDefaultAsync(ct);
        if (p is null)
        {
            return;
        }

        var signers = await db.ProposalSigners.IgnoreQueryFilters().Where(s => s.ProposalId == e.ProposalId).Select(s => s.MemberId).ToListAsync(ct);
        await ledger.RefreshAsync(p.CommitteeId, p.Year, [p.LeadMemberId, .. signers], ct);
    }

    public async Task HandleAsync(OpinionChanged e, EventContext ctx, CancellationToken ct)
    {
        var r = await db.OpinionReports.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == e.ReportId)
            .Select(x => new { x.CommitteeId, x.Year }).FirstOrDefaultAsync(ct);
        if (r is null)
        {
            return;
        }

        var authors = await db.OpinionReportAuthors.IgnoreQueryFilters().Where(a => a.ReportId == e.ReportId).Select(a => a.MemberId).ToListAsync(ct);
        await ledger.RefreshAsync(r.CommitteeId, r.Year, authors, ct);
    }

    public Task HandleAsync(SupervisionProblemRecorded e, EventContext ctx, CancellationToken ct) => ProblemAsync(e.ProblemId, ct);

    public Task HandleAsync(SupervisionProblemChanged e, EventContext ctx, CancellationToken ct) =>
        e.Status == ProblemStatus.Dismissed ? ProblemAsync(e.ProblemId, ct) : Task.CompletedTask;

    public Task HandleAsync(SupervisionLetterSent e, EventContext ctx, CancellationToken ct) =>
        ledger.RefreshAsync(e.CommitteeId, e.Date.Year, [.. e.GroupMemberIds, .. e.DrafterMemberId is { } d ? [d] : Array.Empty<Guid>()], ct);

    public Task HandleAsync(DutyRecordChanged e, EventContext ctx, CancellationToken ct) =>
        ledger.RefreshAsync(e.CommitteeId, e.Year, [e.MemberId], ct);

    private async Task ProblemAsync(Guid problemId, CancellationToken ct)
    {
        var p = await db.SupervisionProblems.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == problemId)
            .Select(x => new { x.CommitteeId, x.Year, x.ReportedByMemberId }).FirstOrDefaultAsync(ct);
        if (p?.ReportedByMemberId is { } member)
        {
            await ledger.RefreshAsync(p.CommitteeId, p.Year, [member], ct);
        }
    }
}
