using Tongxin.Modules.Proposals;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Reports;

/// <summary>代为录入 – 社情民意 staff enter a report received from a non-member submitter (信息员,
/// 联络点, 群众反映人, 党派, 团体, 专委会) with the same checks as a member's; it is submitted at once.</summary>
public sealed class EntryHandler(
    TongxinDbContext db,
    OpinionAccess access,
    OpinionSettingsStore settingsStore,
    ReportSubmission submission,
    IActorAccessor actors,
    TimeProvider time)
{
    public async Task<OpinionSettings> SettingsAsync(CancellationToken ct = default)
    {
        access.RequireStaff();
        return await settingsStore.GetAsync(actors.Actor.CommitteeId!.Value, ct);
    }

    /// <summary>Stores and submits the report; returns its id and 收稿编号.</summary>
    public async Task<(Guid Id, int SerialNo)> EnterAsync(EntryInput input, CancellationToken ct = default)
    {
        access.RequireStaff();
        var actor = actors.Actor;
        var committeeId = actor.CommitteeId ?? throw new ForbiddenException();
        var settings = await settingsStore.GetAsync(committeeId, ct);
        new Validation().CheckForm(input, settings)
            .Require(EntryInput.EntryKinds.Contains(input.SubmitterKind), nameof(input.SubmitterKind), "请选择报送主体。")
            .NotBlank(input.SubmitterName, nameof(input.SubmitterName), "报送人（单位）")
            .MaxLength(input.SubmitterName?.Trim(), ReportTextInput.MaxName, nameof(input.SubmitterName), "报送人（单位）")
            .ThrowIfInvalid();

        var now = time.GetUtcNow().UtcDateTime;
        var report = new OpinionReport
        {
            CommitteeId = committeeId,
            SubmitterKind = input.SubmitterKind,
            SubmitterName = (input.SubmitterName ?? "").Trim(),
            CreatedByUserId = actor.UserId,
            CreatedAt = now,
            SubmittedAt = now,
            Status = OpinionStatus.Submitted,
            LastActivityAt = now,
        };
        ReportHandler.ApplyText(report, input);
        db.OpinionReports.Add(report);
        var name = await db.ActorNameAsync(actor, ct);
        var serial = await submission.SubmitAsync(report, name, $"代{report.SubmitterKind.DisplayName()}“{report.SubmitterName}”录入报送", now,
            $"工作人员录入社情民意《{report.Title}》", [], ct);
        return (report.Id, serial);
    }
}
