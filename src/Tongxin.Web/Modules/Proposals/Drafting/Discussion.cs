using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Drafting;

/// <summary>One shared draft in the discussion list.</summary>
public sealed record SharedDraftRow(Guid Id, string Title, string LeadMemberName, string Category, DateTime LastActivityAt, int CommentCount);

/// <summary>i发布 "众人商量着提" – the lead shares a draft with the committee's members, they comment,
/// the comments stay with the proposal; the lead may stop sharing.</summary>
public sealed class DiscussionHandler(TongxinDbContext db, ProposalAccess access, TimeProvider time)
{
    public const int MaxComment = 2000;

    /// <summary>Shared drafts of the member's committee, most recently active first.</summary>
    public async Task<PagedList<SharedDraftRow>> ListAsync(int page, CancellationToken ct = default)
    {
        access.RequireMember();
        var committeeId = db.Actor.CommitteeId!.Value;
        return await db.Proposals.AsNoTracking()
            .Where(p => p.CommitteeId == committeeId && p.Status == ProposalStatus.Draft && p.SharedForDiscussion)
            .OrderByDescending(p => p.LastActivityAt)
            .Select(p => new SharedDraftRow(p.Id, p.Title, p.LeadMemberName, p.Category, p.LastActivityAt,
                db.ProposalComments.Count(c => c.ProposalId == p.Id)))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
    }

    public Task ShareAsync(Guid id, CancellationToken ct = default) => SetSharedAsync(id, true, ct);

    public Task UnshareAsync(Guid id, CancellationToken ct = default) => SetSharedAsync(id, false, ct);

    public async Task<CommentView> CommentAsync(Guid id, string text, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var proposal = await access.LoadAsync(id, ct);
        ProposalStateMachine.Ensure(proposal, ProposalAction.Comment);
        if (!proposal.SharedForDiscussion)
        {
            throw new ForbiddenException("该草稿未发布讨论，不能发表意见。");
        }

        text = (text ?? "").Trim();
        new Validation().NotBlank(text, "text", "讨论意见").MaxLength(text, MaxComment, "text", "讨论意见").ThrowIfInvalid();
        var name = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).FirstAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var comment = new ProposalComment
        {
            CommitteeId = proposal.CommitteeId,
            ProposalId = id,
            AuthorMemberId = memberId,
            AuthorName = name,
            Text = text,
            CreatedAt = now,
        };
        db.ProposalComments.Add(comment);
        ProposalTimeline.Add(db, proposal, ProposalEventKind.Drafted, name, $"{name}发表讨论意见", now);
        db.Raise(new ProposalChanged(proposal.Id, proposal.CommitteeId, ProposalEventKind.Drafted,
            $"{name}委员对您的提案草稿《{proposal.Title}》发表了讨论意见",
            proposal.LeadMemberId == memberId ? [] : [proposal.LeadMemberId], []));
        await SaveAsync(ct);
        return new CommentView(comment.Id, name, text, now);
    }

    private async Task SetSharedAsync(Guid id, bool shared, CancellationToken ct)
    {
        var memberId = access.RequireMember();
        var proposal = await access.LoadAsync(id, ct);
        if (proposal.LeadMemberId != memberId)
        {
            throw new ForbiddenException("只有第一提案人可以发布或停止讨论。");
        }

        ProposalStateMachine.Ensure(proposal, ProposalAction.Share);
        var now = time.GetUtcNow().UtcDateTime;
        proposal.SharedForDiscussion = shared;
        db.Touch(proposal, now);
        var text = shared ? "发布草稿，邀请委员共同商量" : "停止草稿讨论";
        ProposalTimeline.Add(db, proposal, ProposalEventKind.Drafted, proposal.LeadMemberName, text, now);
        db.Raise(new ProposalChanged(proposal.Id, proposal.CommitteeId, ProposalEventKind.Drafted, $"提案草稿《{proposal.Title}》：{text}", [], []));
        await SaveAsync(ct);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("该提案已被他人处理，请刷新后重试。");
        }
    }
}
