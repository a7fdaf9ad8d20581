using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>收稿 – what every submission does, from a member or entered by staff: the 收稿编号 on
/// first submission, the submitted text kept as an author version (never changed afterwards), the
/// timeline and the event, all in one save.</summary>
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
            // The number belongs to the year of submission, not of the draft.
            report.Year = Platform.Calendar.BeijingTime.FromUtc(now).Year;
            report.SerialNo = await NextSerialAsync(report, ct);
        }

        var no = 1 + (await db.OpinionReportVersions.Where(v => v.ReportId == report.Id).MaxAsync(v => (int?)v.No, ct) ?? 0);
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
            EditorName = actorName,
            At = now,
            Note = firstTime ? "报送稿" : "修改后重新报送稿",
        });
        report.CurrentVersionNo = no;
        var history = new OpinionHistoryEntry { CommitteeId = report.CommitteeId, ReportId = report.Id, At = now, ActorName = actorName };
        string HistoryText() => $"{what}，收稿编号{report.Year}-{report.SerialNo:D4}";
        history.Text = HistoryText();
        db.OpinionHistory.Add(history);
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.Submit, summary, recipients));

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveOpinionActionAsync(ct);
                return report.SerialNo!.Value;
            }
            catch (DbUpdateException)
            {
                // Not a number clash: another submission of this report saved its version first.
                if (!firstTime || attempt >= NumberAttempts || !await NumberTakenAsync(report, ct))
                {
                    throw new ConflictException(OpinionSave.ConcurrentMessage);
                }

                report.SerialNo = await NextSerialAsync(report, ct);
                history.Text = HistoryText();
            }
        }
    }

    private async Task<int> NextSerialAsync(OpinionReport report, CancellationToken ct) =>
        1 + (await db.OpinionReports.IgnoreQueryFilters()
            .Where(r => r.CommitteeId == report.CommitteeId && r.Year == report.Year && r.SerialNo != null && r.Id != report.Id)
            .MaxAsync(r => r.SerialNo, ct) ?? 0);

    private Task<bool> NumberTakenAsync(OpinionReport report, CancellationToken ct) =>
        db.OpinionReports.IgnoreQueryFilters().AnyAsync(r => r.CommitteeId == report.CommitteeId && r.Year == report.Year
            && r.SerialNo == report.SerialNo && r.Id != report.Id, ct);
}
