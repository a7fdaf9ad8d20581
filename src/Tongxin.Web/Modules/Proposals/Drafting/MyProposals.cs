using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Drafting;

/// <summary>One line of 我的提案, with every co-signer's state.</summary>
public sealed record MyProposalRow(
    Guid Id,
    int Year,
    int? Number,
    string Title,
    ProposalStatus Status,
    ProposerKind Kind,
    string? GroupName,
    bool IsLead,
    string LeadMemberName,
    bool IsPlenary,
    bool SharedForDiscussion,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    IReadOnlyList<SignerView> CoSigners)
{
    public string DisplayNumber => Number is { } n ? $"第{n:D4}号" : "未编号";

    public bool CanEdit => IsLead && ProposalStateMachine.Allows(Status, ProposalAction.Edit);
}

/// <summary>我的提案 – every proposal the member signed (drafts only their own), across all years.</summary>
public sealed class MyProposalsHandler(TongxinDbContext db, ProposalAccess access, TimeProvider time)
{
    public async Task<PagedList<MyProposalRow>> ListAsync(int? year, ProposalStatus? status, int page, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var query = Mine(memberId);
        if (year is { } y)
        {
            query = query.Where(p => p.Year == y);
        }

        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        var list = await query.OrderByDescending(p => p.Year).ThenByDescending(p => p.CreatedAt)
            .Select(p => new MyProposalRow(p.Id, p.Year, p.Number, p.Title, p.Status, p.Kind, p.GroupName, p.LeadMemberId == memberId,
                p.LeadMemberName, p.IsPlenary, p.SharedForDiscussion, p.CreatedAt, p.SubmittedAt, Array.Empty<SignerView>()))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
        var ids = list.Items.Select(r => r.Id).ToList();
        var signers = await db.ProposalSigners.AsNoTracking().Where(x => ids.Contains(x.ProposalId) && !x.IsLead)
            .OrderBy(x => x.Order)
            .Select(x => new { x.ProposalId, View = new SignerView(x.MemberId, x.MemberName, x.Order, x.IsLead, x.Status, x.RequestedAt, x.ExpiresAt, x.RespondedAt) })
            .ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return list with
        {
            Items = [.. list.Items.Select(r => r with
            {
                CoSigners = [.. signers.Where(x => x.ProposalId == r.Id)
                    .Select(x => x.View with { Status = CoSigning.EffectiveStatus(x.View.Status, x.View.ExpiresAt, now) })],
            })],
        };
    }

    /// <summary>The years the member has proposals in, newest first, for the filter.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        return await Mine(memberId).Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
    }

    private IQueryable<Proposal> Mine(Guid memberId) =>
        access.Readable().AsNoTracking().Where(p =>
            db.ProposalSigners.Any(s => s.ProposalId == p.Id && s.MemberId == memberId)
            && (p.Status != ProposalStatus.Draft || p.LeadMemberId == memberId));
}
