using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Proposals.Drafting;

/// <summary>One entry of 办理进程 as shown.</summary>
public sealed record TimelineEntry(ProposalEventKind Kind, DateTime At, string ActorName, string Text);

/// <summary>One of the seven steps 提交 → 审查 → 交办 → 联系 → 答复 → 评价 → 事项落实; <see cref="At"/> is
/// the latest entry of the step (a resubmission or a second round moves it).</summary>
public sealed record TimelineStep(string Name, bool Done, DateTime? At);

/// <summary>The model of <c>Pages/Proposals/Shared/_Timeline.cshtml</c>: the steps and every entry,
/// oldest first. Build it with <see cref="TimelineQuery.LoadAsync"/> or <see cref="From"/>.</summary>
public sealed record ProposalTimelineView(IReadOnlyList<TimelineStep> Steps, IReadOnlyList<TimelineEntry> Entries)
{
    private static readonly (string Name, ProposalEventKind[] Kinds)[] StepKinds =
    [
        ("提交", [ProposalEventKind.Submitted]),
        ("审查", [ProposalEventKind.Filed, ProposalEventKind.Merged, ProposalEventKind.NotFiled, ProposalEventKind.Returned]),
        ("交办", [ProposalEventKind.Assigned]),
        ("联系", [ProposalEventKind.Contacted]),
        ("答复", [ProposalEventKind.Replied]),
        ("评价", [ProposalEventKind.Rated]),
        ("事项落实", [ProposalEventKind.ItemUpdated]),
    ];

    public static ProposalTimelineView From(IEnumerable<TimelineEntry> entries)
    {
        var ordered = entries.OrderBy(e => e.At).ToList();
        var steps = StepKinds.Select(step =>
        {
            var last = ordered.LastOrDefault(e => step.Kinds.Contains(e.Kind));
            return new TimelineStep(step.Name, last is not null, last?.At);
        }).ToList();
        return new ProposalTimelineView(steps, ordered);
    }
}

/// <summary>Reads a proposal's timeline for whoever may read the proposal.</summary>
public sealed class TimelineQuery(TongxinDbContext db, ProposalAccess access)
{
    public async Task<ProposalTimelineView> LoadAsync(Guid proposalId, CancellationToken ct = default)
    {
        if (!await access.Readable().AnyAsync(p => p.Id == proposalId, ct))
        {
            throw new Platform.Web.NotFoundException("提案");
        }

        var entries = await db.ProposalHistory.AsNoTracking().Where(h => h.ProposalId == proposalId)
            .OrderBy(h => h.At).Select(h => new TimelineEntry(h.Kind, h.At, h.ActorName, h.Text)).ToListAsync(ct);
        return ProposalTimelineView.From(entries);
    }
}
