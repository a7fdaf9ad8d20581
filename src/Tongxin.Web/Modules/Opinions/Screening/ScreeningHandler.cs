using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Screening;

/// <summary>筛选 – the information staff's decision on a submitted (or kept) report: 采用 / 留存 /
/// 不采用 (reason) / 退回补充 (note) / 转提案线索 (note to the author). Each action checks access and
/// the state machine, records who and when, writes the timeline and raises <see cref="OpinionChanged"/>
/// for the authors in the same save; of two staff screening one report at once, one wins.</summary>
public sealed class ScreeningHandler(
    TongxinDbContext db, OpinionAccess access, IActorAccessor actors, TimeProvider time)
{
    public const int MaxNoteLength = 500;

    /// <summary>The most reports one batch (批量采用/留存) may hold.</summary>
    public const int MaxBatch = 200;

    /// <summary>采用: the report goes on to 编辑核稿. Several may be adopted at once (批量采用).</summary>
    public Task AdoptAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default) =>
        BatchAsync(ids, OpinionAction.Adopt, r => $"您报送的社情民意信息《{r.Title}》已被采用，将进入编辑核稿。", ct);

    /// <summary>留存: kept for reference or for a later combined report; may still be adopted later.</summary>
    public Task KeepAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default) =>
        BatchAsync(ids, OpinionAction.Keep, r => $"您报送的社情民意信息《{r.Title}》已留存备用。", ct);

    /// <summary>不采用, with one of the committee's reasons or a reason of the staff's own words.</summary>
    public async Task RejectAsync(Guid id, string? reason, CancellationToken ct = default)
    {
        // The page offers the committee's reasons (OpinionSettings.RejectReasonList); words of the
        // staff's own are as good, so only presence and length are checked.
        var report = await access.LoadForStaffAsync(id, ct);
        var text = Required(reason, "reason", "请选择或填写不采用的理由。", "不采用理由");
        await DecideAsync(report, OpinionAction.Reject, text, $"不采用：{text}",
            $"您报送的社情民意信息《{report.Title}》未被采用，理由：{text}", ct);
    }

    /// <summary>退回补充: back to the author with what to add; they resubmit.</summary>
    public async Task ReturnAsync(Guid id, string? note, CancellationToken ct = default)
    {
        var report = await access.LoadForStaffAsync(id, ct);
        var text = Required(note, "note", "请填写需要补充的内容。", "退回说明");
        await DecideAsync(report, OpinionAction.Return, text, $"退回补充：{text}",
            $"您报送的社情民意信息《{report.Title}》被退回补充：{text}", ct);
    }

    /// <summary>转提案线索: the matter suits a proposal better; the author is invited (with the note) to
    /// draft one from it ("据此起草提案").</summary>
    public async Task MarkProposalClueAsync(Guid id, string? note, CancellationToken ct = default)
    {
        var report = await access.LoadForStaffAsync(id, ct);
        var text = Required(note, "note", "请填写给报送人的说明。", "说明");
        await DecideAsync(report, OpinionAction.MarkProposalClue, text, $"转为提案线索：{text}",
            $"您报送的社情民意信息《{report.Title}》被转为提案线索，建议据此起草提案：{text}", ct);
    }

    private async Task BatchAsync(IReadOnlyList<Guid> ids, OpinionAction action, Func<OpinionReport, string> summary, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0)
        {
            throw new ValidationFailedException("ids", $"请选择要{OpinionStateMachine.Describe(action)}的信息。");
        }

        if (distinct.Count > MaxBatch)
        {
            throw new ValidationFailedException("ids", $"一次最多处理{MaxBatch}条信息。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var name = await db.ActorNameAsync(actors.Actor, ct);
        var reports = await access.LoadManyForStaffAsync(distinct, ct);
        var recipients = await ReportRecipients.AuthorsAsync(db, reports, ct);
        foreach (var report in reports.OrderBy(r => distinct.IndexOf(r.Id)))
        {
            Apply(report, action, null, OpinionStateMachine.Describe(action), summary(report), name, now, recipients[report.Id]);
        }

        await db.SaveOpinionActionAsync(ct);
    }

    private async Task DecideAsync(OpinionReport report, OpinionAction action, string note, string history, string summary, CancellationToken ct)
    {
        var name = await db.ActorNameAsync(actors.Actor, ct);
        Apply(report, action, note, history, summary, name, time.GetUtcNow().UtcDateTime, await ReportRecipients.AuthorsAsync(db, report, ct));
        await db.SaveOpinionActionAsync(ct);
    }

    private void Apply(OpinionReport report, OpinionAction action, string? note, string history, string summary, string name, DateTime now,
        IReadOnlyList<Guid> recipients)
    {
        OpinionStateMachine.Move(report, action, now);
        report.ScreenedAt = now;
        report.ScreenedByName = name;
        report.ScreeningNote = note;
        db.AddHistory(report, name, history, now);
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, action, summary, recipients));
    }

    private static string Required(string? value, string field, string missing, string label)
    {
        new Validation()
            .Require(!string.IsNullOrWhiteSpace(value), field, missing)
            .MaxLength(value?.Trim(), MaxNoteLength, field, label)
            .ThrowIfInvalid();
        return value!.Trim();
    }
}
