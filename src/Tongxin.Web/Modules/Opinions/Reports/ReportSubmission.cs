using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>收稿 – what every submission does, from a member, entered by staff, converted from a
/// proposal or a public letter, or forwarded by a lower committee: the 收稿编号 on first submission,
/// the submitted text kept as an author version (never changed afterwards), and – for the
/// workflow's own submissions – the timeline and the event, all in one save.</summary>
public sealed class ReportSubmission(TongxinDbContext db)
{
    /// <summary>Two submissions in the same committee at the same moment can both read the same
    /// highest number; the unique index refuses the second, which then takes the next one.</summary>
    private const int NumberAttempts = 5;

    /// <summary>Completes a submission the caller has moved to <see cref="OpinionStatus.Submitted"/> and saves it; returns the 收稿编号.</summary>
    public async Task<int> SubmitAsync(OpinionReport report, string actorName, string what, DateTime now, string summary,
        IReadOnlyList<Guid> recipients, CancellationToken ct)
    {
        var firstTime = report.SerialNo is null;
        if (firstTime)
        {
            await NumberAsync(report, now, ct);
        }

        var no = 1 + (await db.OpinionReportVersions.Where(v => v.ReportId == report.Id).MaxAsync(v => (int?)v.No, ct) ?? 0);
        KeepAuthorText(report, no, actorName, firstTime ? "报送稿" : "修改后重新报送稿", now);
        var history = new OpinionHistoryEntry { CommitteeId = report.CommitteeId, ReportId = report.Id, At = now, ActorName = actorName };
        string HistoryText() => $"{what}，收稿编号{report.Year}-{report.SerialNo:D4}";
        history.Text = HistoryText();
        db.OpinionHistory.Add(history);
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.Submit, summary, recipients));

        // A resubmission keeps its number: a failed save there is another save of this report
        // (its version number taken), which SaveNumberedAsync reports as a conflict.
        await SaveNumberedAsync(report, () => db.SaveOpinionActionAsync(ct), () => history.Text = HistoryText(), ct);
        return report.SerialNo!.Value;
    }

    /// <summary>A report made by the system from something else (a proposal, a public letter, a lower
    /// committee's report): adds it, numbered, with its text as author version 1. The caller writes
    /// the timeline, raises the event and saves – with <see cref="SaveNumberedAsync"/> when it can
    /// retry, else (an event handler) the dispatcher's retry takes the next number.</summary>
    public async Task AddSubmittedAsync(OpinionReport report, string editorName, string? note, DateTime now, CancellationToken ct)
    {
        report.Status = OpinionStatus.Submitted;
        report.CreatedAt = now;
        report.SubmittedAt = now;
        report.LastActivityAt = now;
        await NumberAsync(report, now, ct);
        db.OpinionReports.Add(report);
        KeepAuthorText(report, 1, editorName, note, now);
    }

    /// <summary>Saves with <paramref name="save"/>; when another submission took the same 收稿编号 at
    /// the same moment, takes the next one (telling <paramref name="renumbered"/>, so texts that show
    /// the number follow) and saves again. Any other failure is a Chinese conflict.</summary>
    public async Task SaveNumberedAsync(OpinionReport report, Func<Task> save, Action? renumbered, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await save();
                return;
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
            {
                if (attempt >= NumberAttempts || !await NumberTakenAsync(report, ct))
                {
                    throw new ConflictException(OpinionSave.ConcurrentMessage);
                }

                report.SerialNo = await NextSerialAsync(report, ct);
                renumbered?.Invoke();
            }
        }
    }

    /// <summary>The number belongs to the year of submission (Beijing time), not of the draft.</summary>
    private async Task NumberAsync(OpinionReport report, DateTime now, CancellationToken ct)
    {
        report.Year = Platform.Calendar.BeijingTime.FromUtc(now).Year;
        report.SerialNo = await NextSerialAsync(report, ct);
    }

    private void KeepAuthorText(OpinionReport report, int no, string editorName, string? note, DateTime now)
    {
        db.OpinionReportVersions.Add(new OpinionReportVersion
        {
            CommitteeId = report.CommitteeId,
            ReportId = report.Id,
            No = no,
            IsAuthorText = true,
            Title = report.Title,
            Situation = report.Situation,
            Analysis = report.Analysis,
            Suggestion = report.Suggestion,
            EditorName = editorName,
            At = now,
            Note = note,
        });
        report.CurrentVersionNo = no;
    }

    private async Task<int> NextSerialAsync(OpinionReport report, CancellationToken ct) =>
        1 + (await db.OpinionReports.IgnoreQueryFilters()
            .Where(r => r.CommitteeId == report.CommitteeId && r.Year == report.Year && r.SerialNo != null && r.Id != report.Id)
            .MaxAsync(r => r.SerialNo, ct) ?? 0);

    private Task<bool> NumberTakenAsync(OpinionReport report, CancellationToken ct) =>
        db.OpinionReports.IgnoreQueryFilters().AnyAsync(r => r.CommitteeId == report.CommitteeId && r.Year == report.Year
            && r.SerialNo == report.SerialNo && r.Id != report.Id, ct);
}
