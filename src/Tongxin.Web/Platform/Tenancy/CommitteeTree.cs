using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Tongxin.Platform.Data;

namespace Tongxin.Platform.Tenancy;

/// <summary>Answers which committees an actor of a committee may read: its own, plus every
/// descendant that granted its parent read access, transitively. The committee list is small
/// (a province has ~100) and cached briefly.</summary>
public sealed class CommitteeTree(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private const string CacheKey = "committee-tree";

    public async Task<IReadOnlyCollection<Guid>> ReadableFromAsync(Guid committeeId, CancellationToken ct = default)
    {
        var all = await LoadAsync(ct);
        var readable = new List<Guid> { committeeId };
        var frontier = new Queue<Guid>([committeeId]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in all.Where(c => c.ParentId == parent && c.ParentMayRead))
            {
                readable.Add(child.Id);
                frontier.Enqueue(child.Id);
            }
        }

        return readable;
    }

    // A load that began before an invalidation must not put its (stale) list back afterwards:
    // Invalidate bumps the generation, and a load caches its list only if none happened meanwhile.
    private readonly Lock gate = new();
    private long generation;

    /// <summary>Call after a committee's parent or grant changes.</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            generation++;
            cache.Remove(CacheKey);
        }
    }

    private async Task<List<Node>> LoadAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(CacheKey, out List<Node>? nodes) && nodes is not null)
        {
            return nodes;
        }

        long seen;
        lock (gate)
        {
            seen = generation;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        nodes = await db.Committees.AsNoTracking().Select(c => new Node(c.Id, c.ParentId, c.ParentMayRead)).ToListAsync(ct);
        lock (gate)
        {
            if (seen == generation)
            {
                cache.Set(CacheKey, nodes, TimeSpan.FromSeconds(30));
            }
        }

        return nodes;
    }

    private sealed record Node(Guid Id, Guid? ParentId, bool ParentMayRead);
}
