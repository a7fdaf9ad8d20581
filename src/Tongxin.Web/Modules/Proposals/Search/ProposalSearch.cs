using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Search;

/// <summary>Turns <see cref="ProposalAccess"/>'s reading rules into an index filter for the
/// current actor: staff see every non-draft proposal of their readable committees, leaders those
/// of their own committee, members and units exactly the proposals <c>Readable()</c> gives them.</summary>
public sealed class SearchAccess(ProposalAccess access, IActorAccessor actors)
{
    public async Task<Filter> ReadableAsync(CancellationToken ct)
    {
        var a = actors.Actor;
        var submitted = Enum.GetValues<ProposalStatus>().Where(s => s != ProposalStatus.Draft);
        if (a.IsSystem)
        {
            return new QueryWrapperFilter(new MatchAllDocsQuery());
        }

        if (ProposalAccess.IsProposalStaff(a))
        {
            return SearchVisibility.Committees(a.ReadableCommitteeIds, submitted);
        }

        if (ProposalAccess.IsLeader(a) && a.CommitteeId is { } own)
        {
            return SearchVisibility.Committees([own], submitted);
        }

        if (ProposalAccess.IsMember(a) || ProposalAccess.IsUnit(a))
        {
            return SearchVisibility.Ids(await access.Readable().Select(p => p.Id).ToListAsync(ct));
        }

        return SearchVisibility.Nothing();
    }

    /// <summary>Who may look for similar proposals: members drafting, proposal staff reviewing, leaders.</summary>
    public bool MayCompare() =>
        actors.Actor is var a && (a.IsSystem || ProposalAccess.IsMember(a) || ProposalAccess.IsProposalStaff(a) || ProposalAccess.IsLeader(a));
}

/// <summary>提案检索 – full-text search over the proposals the signed-in actor may read.</summary>
public sealed class ProposalSearch(ProposalIndex index, SearchAccess access)
{
    public async Task<PagedList<ProposalSearchHit>> SearchAsync(string? text, ProposalSearchFilter filter, int page, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        var readable = await access.ReadableAsync(ct);
        return SearchEngine.Search(index, Trim(text), filter, readable, page, pageSize);
    }

    internal static string? Trim(string? text) => text is { Length: > 200 } ? text[..200] : text;
}

/// <summary>相似提案 for a committee: proposals submitted or later (not withdrawn) of the
/// committee – and, when asked, of its parent and children – that the actor may read or that
/// are public. A member drafting therefore sees the committee's published proposals and their
/// own, never the title of another member's unpublished one.</summary>
public sealed class ProposalSimilarity(ProposalIndex index, SearchAccess access, ProposalAccess proposals, TongxinDbContext db, IActorAccessor actors)
{
    public const int MaxTextLength = 20_000;

    public async Task<IReadOnlyList<SimilarProposal>> FindAsync(
        Guid committeeId, string text, Guid? excludeProposalId = null, bool includeLinkedCommittees = false, int top = 10, CancellationToken ct = default)
    {
        if (!access.MayCompare())
        {
            throw new ForbiddenException("只有委员、提案工作人员和领导可以查询相似提案。");
        }

        if (!actors.Actor.CanRead(committeeId))
        {
            throw new ForbiddenException("只能查询本级政协的相似提案。");
        }

        var committees = new List<Guid> { committeeId };
        if (includeLinkedCommittees)
        {
            committees.AddRange(await db.Committees.AsNoTracking()
                .Where(c => c.ParentId == committeeId || db.Committees.Any(me => me.Id == committeeId && me.ParentId == c.Id))
                .Select(c => c.Id)
                .ToListAsync(ct));
        }

        var scope = SearchVisibility.All(
            SearchVisibility.Committees(committees, ProposalIndex.SimilarStatuses),
            SearchVisibility.Any(await access.ReadableAsync(ct), SearchVisibility.Public()));
        var input = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
        var found = SimilarityEngine.Find(index, input, scope, excludeProposalId, Math.Clamp(top, 1, 50));
        var ids = found.Select(f => f.Id).ToList();
        var readable = (await proposals.Readable().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        return [.. found.Select(f => f with { MayOpen = readable.Contains(f.Id) })];
    }
}
