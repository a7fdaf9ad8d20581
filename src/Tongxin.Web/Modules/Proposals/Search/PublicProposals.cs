using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Search;

/// <summary>公开提案 – what anyone may read without signing in: proposals filed or later whose
/// proposers agreed to publication, and their approved replies. Nothing else: no drafts, no
/// proposals under review, not filed or merged, no contacts, ratings or internal notes.</summary>
public sealed class PublicProposals(ProposalIndex index, TongxinDbContext db)
{
    public sealed record CommitteeOption(Guid Id, string Name);

    public sealed record PublicReply(string HandlingUnitName, int Round, string Text, DateTime? ApprovedAt);

    public sealed record PublicProposal(
        Guid Id,
        string CommitteeName,
        string SessionName,
        int? Number,
        string Title,
        string Situation,
        string Suggestions,
        string Category,
        ProposerKind Kind,
        string? GroupName,
        IReadOnlyList<string> Proposers,
        ProposalStatus Status,
        DateTime? SubmittedAt,
        IReadOnlyList<PublicReply> Replies)
    {
        public string DisplayNumber => Number is { } n ? $"第{n:D4}号" : "未编号";
    }

    public PagedList<ProposalSearchHit> Search(string? text, ProposalSearchFilter filter, int page, int pageSize = Paging.DefaultPageSize) =>
        SearchEngine.Search(index, ProposalSearch.Trim(text), filter, SearchVisibility.Public(), page, pageSize);

    public async Task<IReadOnlyList<CommitteeOption>> CommitteesAsync(CancellationToken ct) =>
        await db.Committees.AsNoTracking().OrderBy(c => c.Level).ThenBy(c => c.Name)
            .Select(c => new CommitteeOption(c.Id, c.Name)).ToListAsync(ct);

    /// <summary>The public text of one proposal, or 404 when it is not public. The tenant filter
    /// is lifted on purpose: the public reads across committees, limited by the conditions here.</summary>
    public async Task<PublicProposal> GetAsync(Guid id, CancellationToken ct)
    {
        var statuses = ProposalIndex.PublicStatuses;
        var p = await db.Proposals.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.Id == id && x.MayPublish && x.SourceReportId == null && statuses.Contains(x.Status))
            .Select(x => new
            {
                x.Id,
                Committee = db.Committees.Where(c => c.Id == x.CommitteeId).Select(c => c.Name).FirstOrDefault(),
                Session = db.Sessions.IgnoreQueryFilters().Where(s => s.Id == x.SessionId).Select(s => s.Name).FirstOrDefault(),
                x.Number,
                x.Title,
                x.Situation,
                x.Suggestions,
                x.Category,
                x.Kind,
                x.GroupName,
                x.Status,
                x.SubmittedAt,
            })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("公开提案");
        var proposers = await db.ProposalSigners.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.ProposalId == id && (s.IsLead || s.Status == SignerStatus.Confirmed))
            .OrderBy(s => s.Order)
            .Select(s => s.MemberName)
            .ToListAsync(ct);
        var replies = await db.ProposalReplies.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.ProposalId == id && r.Status == ReplyStatus.Approved)
            .OrderBy(r => r.Round).ThenBy(r => r.HandlingUnitName)
            .Select(r => new PublicReply(r.HandlingUnitName, r.Round, r.Text, r.ReviewedAt))
            .ToListAsync(ct);
        return new PublicProposal(p.Id, p.Committee ?? "", p.Session ?? "", p.Number, p.Title, p.Situation, p.Suggestions,
            p.Category, p.Kind, p.GroupName, proposers, p.Status, p.SubmittedAt, replies);
    }
}
