using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Review;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Transfer;

/// <summary>What the 转办 form shows: the report, whether it can be transferred, and the units.</summary>
public sealed record TransferForm(
    Guid ReportId, string Title, string SubmitterName, OpinionStatus Status, Guid? HandlingCaseId, bool CanTransfer,
    int DeadlineMonths, IReadOnlyList<(Guid Id, string Name)> Units);

/// <summary>转办 – 社情民意 staff hand a signed-off or published report to handling units. The
/// report does not get a handling loop of its own: a handling case (a <see cref="Proposal"/> row
/// with <see cref="Proposal.SourceReportId"/>) is made from the report's current text and assigned
/// by the proposals' <see cref="ProposalAssignmentHandler"/>, so units accept, contact, reply and
/// are rated exactly as for proposals. The case, its assignments and the report's link are one save.</summary>
public sealed class OpinionTransferHandler(
    TongxinDbContext db, OpinionAccess access, ProposalAssignmentHandler assignment, ProposalSettingsStore proposalSettings,
    IActorAccessor actors, TimeProvider time)
{
    public async Task<TransferForm> FormAsync(Guid reportId, CancellationToken ct = default)
    {
        var report = await access.LoadForStaffAsync(reportId, ct);
        var units = await db.HandlingUnits.AsNoTracking().Where(u => u.CommitteeId == report.CommitteeId && u.IsActive)
            .OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var months = (await proposalSettings.GetAsync(report.CommitteeId, ct)).DeadlineMonths;
        return new TransferForm(report.Id, report.Title, report.SubmitterName, report.Status, report.HandlingCaseId,
            report.HandlingCaseId is null && OpinionStateMachine.Allows(report.Status, OpinionAction.Transfer),
            months, [.. units.Select(u => (u.Id, u.Name))]);
    }

    /// <summary>转办: makes the handling case and assigns it (单办 / 主办+协办 / 分办, the committee's
    /// proposal deadline rules). Returns the case id.</summary>
    public async Task<Guid> TransferAsync(Guid reportId, AssignmentMode mode, IReadOnlyList<UnitChoice> units, CancellationToken ct = default)
    {
        var report = await access.LoadForStaffAsync(reportId, ct);
        OpinionStateMachine.Ensure(report, OpinionAction.Transfer);
        if (report.HandlingCaseId is not null)
        {
            throw new ConflictException("该信息已转办，不能重复转办。请在转办情况中调整承办单位或延期。");
        }

        var session = await db.Sessions.AsNoTracking()
            .Where(s => s.CommitteeId == report.CommitteeId && s.IsCurrent).OrderByDescending(s => s.StartDate)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailedException("", "本会尚未设置当前会议（届次会议），暂不能转办，请联系系统管理员。");
        var text = await db.OpinionReportVersions.AsNoTracking()
            .Where(v => v.ReportId == report.Id && v.No == report.CurrentVersionNo)
            .Select(v => new { v.Title, v.Situation, v.Analysis, v.Suggestion }).FirstOrDefaultAsync(ct)
            ?? new { report.Title, report.Situation, report.Analysis, report.Suggestion };
        var lead = report.LeadMemberId is { } leadId
            ? await db.Members.AsNoTracking().Where(m => m.Id == leadId).Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync(ct)
            : null;
        var authorCount = await db.OpinionReportAuthors.CountAsync(a => a.ReportId == report.Id, ct);

        var now = time.GetUtcNow().UtcDateTime;
        var handlingCase = new Proposal
        {
            CommitteeId = report.CommitteeId,
            SessionId = session,
            Year = BeijingTime.Today(time).Year,
            Title = text.Title,
            Situation = string.IsNullOrWhiteSpace(text.Analysis) ? text.Situation : $"{text.Situation}\n\n{text.Analysis}",
            Suggestions = text.Suggestion,
            Category = report.Category,
            MayPublish = false,
            Kind = authorCount > 1 ? ProposerKind.Joint : ProposerKind.Individual,
            // Without a member author (a public reporter, a liaison point) nobody rates: the case
            // completes when its replies are approved (ReplyReviewHandler).
            LeadMemberId = lead?.Id ?? Guid.Empty,
            LeadMemberName = Shorten(lead?.Name ?? report.SubmitterName, 50),
            Status = ProposalStatus.Filed,
            CreatedAt = now,
            SubmittedAt = report.SubmittedAt ?? now,
            ReviewedAt = now,
            LastActivityAt = now,
            SourceReportId = report.Id,
        };
        db.Proposals.Add(handlingCase);
        if (lead is not null)
        {
            db.ProposalSigners.Add(new ProposalSigner
            {
                CommitteeId = report.CommitteeId,
                ProposalId = handlingCase.Id,
                MemberId = lead.Id,
                MemberName = lead.Name,
                Order = 0,
                IsLead = true,
                Status = SignerStatus.Confirmed,
                RespondedAt = now,
            });
        }

        await assignment.AssignNewCaseAsync(handlingCase, mode, units, ct);

        var assigned = string.Join("，", db.ProposalAssignments.Local.Where(a => a.ProposalId == handlingCase.Id)
            .Select(a => $"{a.HandlingUnitName}（{a.Role.DisplayName()}）"));
        report.HandlingCaseId = handlingCase.Id;
        db.Touch(report, now);
        var actorName = await db.ActorNameAsync(actors.Actor, ct);
        db.AddHistory(report, actorName, $"转办{mode.DisplayName()}：{assigned}；办理期限{handlingCase.Deadline:yyyy-MM-dd}", now);
        var authors = await db.OpinionReportAuthors.Where(a => a.ReportId == report.Id).Select(a => a.MemberId).ToListAsync(ct);
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.Transfer,
            $"您报送的社情民意信息《{report.Title}》已转{assigned}办理，办理期限{handlingCase.Deadline:yyyy年M月d日}。", authors));
        await db.SaveOpinionActionAsync(ct);
        return handlingCase.Id;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
