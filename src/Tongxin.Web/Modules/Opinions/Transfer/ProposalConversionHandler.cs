using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Transfer;

/// <summary>提案转社情民意 – proposal staff turn a 不予立案 proposal into a report in one action, so the
/// matter is not lost: a new Submitted report in the opinion screening queue, written by the same
/// members (the confirmed proposers), linked both ways (<see cref="Proposal.OpinionReportId"/> and
/// <see cref="OpinionReport.ConvertedFromProposalId"/>).</summary>
public sealed class ProposalConversionHandler(
    TongxinDbContext db, ProposalAccess proposals, OpinionSettingsStore settings, ReportSubmission submission, IActorAccessor actors, TimeProvider time)
{
    public const string Source = "提案转化";

    /// <summary>Proposal categories whose matter has a close 社情民意 category by default; any other
    /// becomes 其他 unless the committee uses the same name for both.</summary>
    private static readonly Dictionary<string, string> CategoryMap = new(StringComparer.Ordinal)
    {
        ["经济建设"] = "经济发展",
        ["城市建设与管理"] = "城乡建设",
        ["社会法制"] = "社会治理",
    };

    /// <returns>The new report's id.</returns>
    public async Task<Guid> ConvertAsync(Guid proposalId, CancellationToken ct = default)
    {
        var p = await proposals.LoadProposalForStaffAsync(proposalId, ct);
        if (p.Status != ProposalStatus.NotFiled)
        {
            throw new ConflictException($"该提案当前状态为“{p.Status.DisplayName()}”，只有不予立案的提案可以转为社情民意信息。");
        }

        if (p.ConvertedToOpinion || p.OpinionReportId is not null)
        {
            throw new ConflictException("该提案已转为社情民意信息，不能重复转化。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var signers = await db.ProposalSigners.AsNoTracking()
            .Where(s => s.ProposalId == p.Id && (s.IsLead || s.Status == SignerStatus.Confirmed))
            .OrderBy(s => s.Order).Select(s => new { s.MemberId, s.MemberName }).ToListAsync(ct);
        var lead = await db.Members.AsNoTracking().Where(m => m.Id == p.LeadMemberId)
            .Select(m => new { m.Name, m.Mobile }).FirstOrDefaultAsync(ct);
        var opinionSettings = await settings.GetAsync(p.CommitteeId, ct);
        var (situation, analysis) = SplitAnalysis(p.Situation);
        var leadName = lead?.Name ?? p.LeadMemberName;
        var report = new OpinionReport
        {
            CommitteeId = p.CommitteeId,
            Title = p.Title,
            Situation = situation,
            Analysis = analysis,
            Suggestion = p.Suggestions,
            Category = MapCategory(p.Category, opinionSettings.CategoryList),
            Source = Source,
            SubmitterKind = signers.Count > 1 ? OpinionSubmitterKind.Joint : OpinionSubmitterKind.Member,
            SubmitterName = signers.Count > 1 ? $"{leadName} 等{signers.Count}人" : leadName,
            LeadMemberId = p.LeadMemberId,
            ContactName = leadName,
            ContactPhone = lead?.Mobile ?? "",
            ConvertedFromProposalId = p.Id,
        };
        await submission.AddSubmittedAsync(report, leadName, "由不予立案的提案转化，保留提案原文", now, ct);
        for (var i = 0; i < signers.Count; i++)
        {
            db.OpinionReportAuthors.Add(new OpinionReportAuthor
            {
                CommitteeId = p.CommitteeId,
                ReportId = report.Id,
                MemberId = signers[i].MemberId,
                MemberName = signers[i].MemberName,
                Order = i,
            });
        }

        var actorName = await db.ActorNameAsync(actors.Actor, ct);
        p.ConvertedToOpinion = true;
        p.OpinionReportId = report.Id;
        db.Touch(p, now);
        string TimelineText() => $"转为社情民意信息（收稿编号{report.Year}-{report.SerialNo}）";
        var timeline = ProposalTimeline.Add(db, p, ProposalEventKind.ConvertedToOpinion, actorName, TimelineText(), now);
        db.AddHistory(report, actorName, $"由不予立案的提案《{p.Title}》转化报送（不予立案理由：{p.NotFiledReason}）", now);

        var memberIds = signers.Select(s => s.MemberId).ToList();
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.Submit,
            $"您的提案《{p.Title}》已转为社情民意信息报送，待筛选。", memberIds));
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.ConvertedToOpinion,
            $"提案《{p.Title}》已转为社情民意信息。", [], []));
        await submission.SaveNumberedAsync(report, () => db.SaveActionAsync(ct), () => timeline.Text = TimelineText(), ct);
        return report.Id;
    }

    /// <summary>A proposal's 情况分析 is one text; a report has 基本情况 and 问题分析. The first
    /// paragraph (the facts) becomes 基本情况 and the rest 问题分析; one paragraph stays whole in
    /// 基本情况. Staff adjust it when editing (核稿); the author version keeps it as converted.</summary>
    public static (string Situation, string Analysis) SplitAnalysis(string text)
    {
        var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return paragraphs.Length < 2
            ? (text.Trim(), "")
            : (paragraphs[0], string.Join("\n", paragraphs[1..]));
    }

    /// <summary>The same category name when the committee's report categories have it, a close one
    /// for the default proposal categories, otherwise 其他.</summary>
    public static string MapCategory(string proposalCategory, IReadOnlyList<string> reportCategories)
    {
        if (reportCategories.Contains(proposalCategory))
        {
            return proposalCategory;
        }

        return CategoryMap.TryGetValue(proposalCategory, out var mapped) && reportCategories.Contains(mapped) ? mapped : "其他";
    }
}
