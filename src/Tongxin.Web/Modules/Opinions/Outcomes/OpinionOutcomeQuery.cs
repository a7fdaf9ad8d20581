using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Outcomes;

/// <summary>One outcome as shown on a report, with the points it earns each member author now.</summary>
public sealed record OutcomeRow(
    Guid Id,
    OpinionOutcomeKind Kind,
    AdoptionLevel Level,
    bool Combined,
    InstructionLevel? InstructionLevel,
    string? LeaderName,
    string? Text,
    DateOnly Date,
    string Description,
    bool CarriedFromUpper,
    bool Correctable,
    decimal Points,
    string RecordedByName);

/// <summary>采用与批示 of one report: its outcomes, the 上报 lines ("已上报市政协，市政协已采用"), the
/// points, and what the current actor may do here.</summary>
public sealed record ReportOutcomes(
    Guid ReportId,
    Guid CommitteeId,
    string Title,
    OpinionStatus Status,
    int AuthorCount,
    IReadOnlyList<OutcomeRow> Rows,
    IReadOnlyList<string> ForwardLines,
    decimal Points,
    bool CanManage,
    bool CanRecord,
    string? ForwardTo)
{
    /// <summary>Who the points are credited to, in words.</summary>
    public string PointsHolder => AuthorCount switch
    {
        0 => "报送人",
        1 => "作者",
        _ => "每位作者",
    };
}

/// <summary>Reads a report's outcomes for its page section and the recording page.</summary>
public sealed class OpinionOutcomeQuery(TongxinDbContext db, OpinionAccess access, OpinionSettingsStore settings, OpinionOutcomeHandler handler, IActorAccessor actors)
{
    /// <summary>The outcomes of a report the actor may read (404 otherwise).</summary>
    public async Task<ReportOutcomes> GetAsync(Guid reportId, CancellationToken ct = default)
    {
        var report = await access.Readable().AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.Id, r.CommitteeId, r.Title, r.Status, r.ForwardedToReportId })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("社情民意信息");
        var outcomes = await db.OpinionOutcomes.AsNoTracking().Where(o => o.ReportId == reportId)
            .OrderBy(o => o.Date).ThenBy(o => o.RecordedAt).ThenBy(o => o.Id).ToListAsync(ct);
        var authorCount = await db.OpinionReportAuthors.CountAsync(a => a.ReportId == reportId, ct);
        var rules = await settings.GetAsync(report.CommitteeId, ct);

        var rows = outcomes.Select(o => new OutcomeRow(
            o.Id, o.Kind, o.Level, o.Combined, o.InstructionLevel, o.LeaderName, o.Text, o.Date,
            OpinionOutcomeHandler.Describe(o),
            o.FromReportId is not null,
            OpinionOutcomeHandler.IsCorrectable(o),
            OpinionOutcomeHandler.PointsOf(rules, o, authorCount),
            o.RecordedByName)).ToList();

        // "已上报市政协，市政协已采用": the upper committee's adoption shows next to the forwarding.
        var forwardLines = outcomes.Where(o => o.Kind == OpinionOutcomeKind.Forwarded).Select(f =>
        {
            var name = f.Level.DisplayName();
            var adopted = outcomes.Any(o => o.Kind == OpinionOutcomeKind.Adopted && o.Level == f.Level);
            var instructions = outcomes.Count(o => o.Kind == OpinionOutcomeKind.Instruction && o.FromReportId is not null);
            return $"已上报{name}（{f.Date:yyyy-MM-dd}），{(adopted ? $"{name}已采用" : $"待{name}处理")}"
                + (instructions > 0 ? $"，获领导批示{instructions}件次" : "") + "。";
        }).ToList();

        var a = actors.Actor;
        var canManage = OpinionAccess.CanManage(a, report.CommitteeId);
        string? forwardTo = null;
        if (canManage && report.ForwardedToReportId is null && OpinionStateMachine.Allows(report.Status, OpinionAction.Forward)
            && await handler.ParentOfAsync(report.CommitteeId, ct) is { } parent && OpinionOutcomeHandler.LevelOf(parent.Level) is not null)
        {
            forwardTo = parent.Name;
        }

        return new ReportOutcomes(
            report.Id,
            report.CommitteeId,
            report.Title,
            report.Status,
            authorCount,
            rows,
            forwardLines,
            rows.Sum(r => r.Points),
            canManage,
            canManage && OpinionStateMachine.Allows(report.Status, OpinionAction.RecordOutcome),
            forwardTo);
    }
}
