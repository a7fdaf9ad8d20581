using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Outcomes;

/// <summary>跨层级报送 – the two halves of 上报 that cross committees, run by the outbox dispatcher as
/// the system (no staff member may write in another committee):
/// after a 上报, the copy in the parent committee (下级政协报送, 待筛选) with the authors and the text
/// as an author version; after anything happens to such a copy, the original's carried-back
/// outcomes are brought in line with the copy's (adopted there → adopted at the parent's level,
/// instructions as they are). Both steps compare with what is stored, so handling an event twice
/// changes nothing the second time.</summary>
public sealed class CrossLevelForwarding(TongxinDbContext db, ReportSubmission submission, TimeProvider time) : IEventHandler<OpinionChanged>
{
    public async Task HandleAsync(OpinionChanged e, EventContext ctx, CancellationToken ct)
    {
        var report = await db.OpinionReports.FirstOrDefaultAsync(r => r.Id == e.ReportId, ct);
        if (report is null)
        {
            return;
        }

        if (e.Action == OpinionAction.Forward && report.ForwardedToReportId is { } copyId)
        {
            await CreateCopyAsync(report, copyId, ct);
        }

        if (report.ForwardedFromReportId is { } originalId)
        {
            await CarryBackAsync(report, originalId, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task CreateCopyAsync(OpinionReport original, Guid copyId, CancellationToken ct)
    {
        if (await db.OpinionReports.AnyAsync(r => r.Id == copyId, ct))
        {
            return;
        }

        var from = await db.Committees.AsNoTracking().FirstAsync(c => c.Id == original.CommitteeId, ct);
        var parentId = from.ParentId ?? throw new InvalidOperationException($"{from.Name}没有上级政协，无法生成上报件。");
        var forwardedBy = await db.OpinionOutcomes.AsNoTracking()
            .Where(o => o.ReportId == original.Id && o.Kind == OpinionOutcomeKind.Forwarded)
            .OrderByDescending(o => o.RecordedAt).Select(o => o.RecordedByName).FirstOrDefaultAsync(ct) ?? "";
        var authors = await db.OpinionReportAuthors.AsNoTracking().Where(a => a.ReportId == original.Id).OrderBy(a => a.Order).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var copy = new OpinionReport
        {
            Id = copyId,
            CommitteeId = parentId,
            Title = original.Title,
            Situation = original.Situation,
            Analysis = original.Analysis,
            Suggestion = original.Suggestion,
            Category = original.Category,
            Source = $"{from.Name}上报",
            IsUrgent = original.IsUrgent,
            SubmitterKind = OpinionSubmitterKind.LowerCommittee,
            SubmitterName = from.Name,
            ContactName = forwardedBy,
            ForwardedFromReportId = original.Id,
        };
        // The text as the lower committee sent it is the copy's author text: the upper committee's
        // editors compare their revisions with it. 收稿编号 continues the parent's numbering of the
        // year; two saves taking the same number hit the unique index, and the dispatcher retries.
        await submission.AddSubmittedAsync(copy, from.Name, $"{from.Name}上报", now, ct);
        db.OpinionReportAuthors.AddRange(authors.Select(a => new OpinionReportAuthor
        {
            CommitteeId = parentId,
            ReportId = copyId,
            MemberId = a.MemberId,
            MemberName = a.MemberName,
            Order = a.Order,
        }));
        db.AddHistory(copy, from.Name, $"{from.Name}上报本信息（{forwardedBy}）", now);
        db.Raise(new OpinionChanged(copyId, parentId, OpinionAction.Submit, $"{from.Name}上报信息《{copy.Title}》。", []));
    }

    private async Task CarryBackAsync(OpinionReport copy, Guid originalId, CancellationToken ct)
    {
        var original = await db.OpinionReports.FirstOrDefaultAsync(r => r.Id == originalId, ct);
        var upper = await db.Committees.AsNoTracking().FirstAsync(c => c.Id == copy.CommitteeId, ct);
        if (original is null || OpinionOutcomeHandler.LevelOf(upper.Level) is not { } upperLevel)
        {
            return;
        }

        var wanted = await db.OpinionOutcomes.AsNoTracking()
            .Where(o => o.ReportId == copy.Id && (o.Kind == OpinionOutcomeKind.Adopted || o.Kind == OpinionOutcomeKind.Instruction))
            .OrderBy(o => o.RecordedAt).ToListAsync(ct);
        var carried = await db.OpinionOutcomes.Where(o => o.ReportId == original.Id && o.FromReportId == copy.Id).ToListAsync(ct);

        var unmatched = carried.ToList();
        var added = new List<OpinionOutcome>();
        foreach (var source in wanted)
        {
            var target = CarriedFrom(source, original, upperLevel, upper.Name);
            var match = unmatched.FirstOrDefault(c => Key(c) == Key(target));
            if (match is not null)
            {
                unmatched.Remove(match);
            }
            else
            {
                added.Add(target);
            }
        }

        if (added.Count == 0 && unmatched.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var o in added)
        {
            o.RecordedAt = now;
            db.OpinionOutcomes.Add(o);
            db.AddHistory(original, upper.Name, $"{upper.Name}：{OpinionOutcomeHandler.Describe(o)}", now);
        }

        foreach (var o in unmatched)
        {
            db.OpinionOutcomes.Remove(o);
            db.AddHistory(original, upper.Name, $"{upper.Name}撤销：{OpinionOutcomeHandler.Describe(o)}", now);
        }

        db.Touch(original, now);
        var authors = await db.OpinionReportAuthors.Where(a => a.ReportId == original.Id).OrderBy(a => a.Order).Select(a => a.MemberId).ToListAsync(ct);
        var summary = added.Count > 0
            ? $"您报送的信息《{original.Title}》：{upper.Name}{string.Join("；", added.Select(OpinionOutcomeHandler.Describe))}。"
            : $"信息《{original.Title}》在{upper.Name}的结果记录已更正。";
        db.Raise(new OpinionChanged(original.Id, original.CommitteeId, OpinionAction.RecordOutcome, summary, added.Count > 0 ? authors : []));
    }

    /// <summary>The copy's outcome as the original records it: an adoption at the copy's own level
    /// is an adoption by the upper committee; higher adoptions and instructions stay as they are.</summary>
    private static OpinionOutcome CarriedFrom(OpinionOutcome source, OpinionReport original, AdoptionLevel upperLevel, string upperName) => new()
    {
        CommitteeId = original.CommitteeId,
        ReportId = original.Id,
        Kind = source.Kind,
        Level = source.Kind == OpinionOutcomeKind.Adopted && source.Level == AdoptionLevel.Own ? upperLevel : source.Level,
        Combined = source.Combined,
        InstructionLevel = source.InstructionLevel,
        LeaderName = source.LeaderName,
        Text = source.Text,
        Date = source.Date,
        FromReportId = source.ReportId,
        RecordedByName = upperName,
    };

    private static (OpinionOutcomeKind, AdoptionLevel, bool, InstructionLevel?, string?, string?, DateOnly) Key(OpinionOutcome o) =>
        (o.Kind, o.Level, o.Combined, o.InstructionLevel, o.LeaderName, o.Text, o.Date);
}
