using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Drafting;

/// <summary>联名确认 rules that other parts read: which requests are still open, and how a stored
/// request reads at a given time (a pending one past its window is 已过期 even before anyone
/// stores that).</summary>
public static class CoSigning
{
    /// <summary>Co-sign requests of the proposal that can still be answered at <paramref name="now"/>.
    /// Review waits while <c>await CoSigning.OpenRequests(db, id, now).AnyAsync()</c> is true.</summary>
    public static IQueryable<ProposalSigner> OpenRequests(TongxinDbContext db, Guid proposalId, DateTime now) =>
        db.ProposalSigners.Where(s => s.ProposalId == proposalId && !s.IsLead && s.Status == SignerStatus.Pending
            && s.RequestedAt != null && s.ExpiresAt > now);

    public static SignerStatus EffectiveStatus(SignerStatus stored, DateTime? expiresAt, DateTime now) =>
        stored == SignerStatus.Pending && expiresAt is { } e && e <= now ? SignerStatus.Expired : stored;
}

/// <summary>One co-sign request as the asked member sees it.</summary>
public sealed record CoSignRequest(
    Guid ProposalId,
    string Title,
    string LeadMemberName,
    string Category,
    string Situation,
    string Suggestions,
    ProposalStatus ProposalStatus,
    SignerStatus Status,
    DateTime? RequestedAt,
    DateTime? ExpiresAt,
    DateTime? RespondedAt)
{
    public bool CanAnswer => Status == SignerStatus.Pending && ProposalStatus == ProposalStatus.Submitted;
}

/// <summary>联名确认 – a co-signer confirms or declines within the window; late answers are refused
/// and the request is stored as 已过期.</summary>
public sealed class CoSignHandler(TongxinDbContext db, ProposalAccess access, TimeProvider time)
{
    /// <summary>The member's co-sign requests, newest first: open ones and (when <paramref name="all"/>) answered and expired ones.</summary>
    public async Task<PagedList<CoSignRequest>> ListAsync(bool all, int page, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var now = time.GetUtcNow().UtcDateTime;
        var query = from s in db.ProposalSigners.AsNoTracking()
                    join p in db.Proposals on s.ProposalId equals p.Id
                    where s.MemberId == memberId && !s.IsLead && s.RequestedAt != null
                    select new { s, p };
        if (!all)
        {
            query = query.Where(x => x.s.Status == SignerStatus.Pending && x.s.ExpiresAt > now && x.p.Status == ProposalStatus.Submitted);
        }

        var result = await query.OrderByDescending(x => x.s.RequestedAt)
            .Select(x => new CoSignRequest(x.p.Id, x.p.Title, x.p.LeadMemberName, x.p.Category, x.p.Situation, x.p.Suggestions, x.p.Status,
                x.s.Status, x.s.RequestedAt, x.s.ExpiresAt, x.s.RespondedAt))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        return result with
        {
            Items = [.. result.Items.Select(r => r with { Status = CoSigning.EffectiveStatus(r.Status, r.ExpiresAt, now) })],
        };
    }

    public Task ConfirmAsync(Guid proposalId, CancellationToken ct = default) => AnswerAsync(proposalId, true, ct);

    public Task DeclineAsync(Guid proposalId, CancellationToken ct = default) => AnswerAsync(proposalId, false, ct);

    private async Task AnswerAsync(Guid proposalId, bool confirm, CancellationToken ct)
    {
        var memberId = access.RequireMember();
        var proposal = await access.LoadAsync(proposalId, ct);
        var signer = await db.ProposalSigners.FirstOrDefaultAsync(s => s.ProposalId == proposalId && s.MemberId == memberId && !s.IsLead, ct)
            ?? throw new ForbiddenException("您不是该提案的联名委员。");
        ProposalStateMachine.Ensure(proposal, ProposalAction.CoSign);
        if (signer.RequestedAt is null || signer.Status != SignerStatus.Pending)
        {
            throw new ConflictException($"您已答复过该联名邀请（{signer.Status.DisplayName()}）。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (signer.ExpiresAt <= now)
        {
            signer.Status = SignerStatus.Expired;
            ProposalTimeline.Add(db, proposal, ProposalEventKind.CoSigned, signer.MemberName, $"{signer.MemberName}的联名邀请已过期", now);
            db.Raise(new ProposalChanged(proposal.Id, proposal.CommitteeId, ProposalEventKind.CoSigned,
                $"{signer.MemberName}委员对提案《{proposal.Title}》的联名邀请已过期", [proposal.LeadMemberId], []));
            await SaveAsync(ct);
            throw new ConflictException("该联名邀请已过期，不能再确认或拒绝。");
        }

        signer.Status = confirm ? SignerStatus.Confirmed : SignerStatus.Declined;
        signer.RespondedAt = now;
        var what = confirm ? "确认联名" : "拒绝联名";
        ProposalTimeline.Add(db, proposal, ProposalEventKind.CoSigned, signer.MemberName, $"{signer.MemberName}{what}", now);
        db.Raise(new ProposalChanged(proposal.Id, proposal.CommitteeId, ProposalEventKind.CoSigned,
            $"{signer.MemberName}委员已{what}提案《{proposal.Title}》", [proposal.LeadMemberId], []));
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

/// <summary>"我的待办" for members: co-sign requests waiting for their answer.</summary>
public sealed class CoSignTodos(TongxinDbContext db, TimeProvider time) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(Actor actor, CancellationToken ct)
    {
        if (!ProposalAccess.IsMember(actor))
        {
            return [];
        }

        var memberId = actor.MemberId!.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var count = await db.ProposalSigners.CountAsync(s => s.MemberId == memberId && !s.IsLead && s.Status == SignerStatus.Pending
            && s.RequestedAt != null && s.ExpiresAt > now
            && db.Proposals.Any(p => p.Id == s.ProposalId && p.Status == ProposalStatus.Submitted), ct);
        return [new TodoItem("待确认的联名提案", count, "/Proposals/My/CoSign", "提案")];
    }
}
