using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Screening;

/// <summary>据此起草提案 – a report screened as 转提案线索 gives its author the start of a proposal:
/// the proposal draft page (<c>/Proposals/My/Edit?fromReport=…</c>) is prefilled from it.</summary>
public sealed class ProposalClue(OpinionAccess access)
{
    /// <summary>The text a proposal draft starts from.</summary>
    public sealed record Prefill(string Title, string Situation, string Suggestions);

    public static string DraftLink(Guid reportId) => $"/Proposals/My/Edit?fromReport={reportId}";

    /// <summary>The report's text for its author, while it is a proposal clue; else 403/404/409.</summary>
    public async Task<Prefill> PrefillAsync(Guid reportId, CancellationToken ct = default)
    {
        access.RequireMember();
        var r = await access.LoadForAuthorAsync(reportId, ct);
        if (r.Status != OpinionStatus.ProposalClue)
        {
            throw new ConflictException("只有被转为提案线索的社情民意信息可以据此起草提案。");
        }

        // 基本情况 and 问题分析 together are the proposal's 情况分析; the two category lists differ,
        // so the member chooses the proposal's category on the form.
        var situation = string.IsNullOrWhiteSpace(r.Analysis) ? r.Situation : r.Situation + "\n\n" + r.Analysis;
        return new Prefill(r.Title, situation, r.Suggestion);
    }
}
