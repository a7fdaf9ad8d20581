using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Platform;

/// <summary>The cached committee tree (who may read which committee). A load that began before an
/// invalidation read the old tree; it must not put that list back into the cache afterwards, or a
/// new or re-granted committee stays invisible for the cache's 30 seconds (a full test run once
/// saw a city's staff refused the county report they may read).</summary>
public class CommitteeTreeTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_load_overtaken_by_an_invalidation_is_not_cached(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        CommitteeTree? tree = null;
        var invalidateOnNextLoad = true;
        // The invalidation comes after the load read the generation and before its query finished.
        var scopes = new HookedScopes(app.Services.GetRequiredService<IServiceScopeFactory>(), () =>
        {
            if (invalidateOnNextLoad)
            {
                invalidateOnNextLoad = false;
                tree!.Invalidate();
            }
        });
        tree = new CommitteeTree(scopes, new MemoryCache(new MemoryCacheOptions()));

        (await tree.ReadableFromAsync(city.Id)).ShouldBe([city.Id]);
        var county = await app.NewCommitteeAsync(city.Id, parentMayRead: true, level: CommitteeLevel.County);

        (await tree.ReadableFromAsync(city.Id)).ShouldBe([city.Id, county.Id], ignoreOrder: true);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_load_not_overtaken_is_cached_until_invalidated(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await app.NewCommitteeAsync();
        var tree = new CommitteeTree(app.Services.GetRequiredService<IServiceScopeFactory>(), new MemoryCache(new MemoryCacheOptions()));

        (await tree.ReadableFromAsync(city.Id)).ShouldBe([city.Id]);
        var county = await app.NewCommitteeAsync(city.Id, parentMayRead: true, level: CommitteeLevel.County);

        // This tree was not told: it still serves the cached list …
        (await tree.ReadableFromAsync(city.Id)).ShouldBe([city.Id]);
        tree.Invalidate();
        // … until it is.
        (await tree.ReadableFromAsync(city.Id)).ShouldBe([city.Id, county.Id], ignoreOrder: true);
    }

    private sealed class HookedScopes(IServiceScopeFactory inner, Action onCreate) : IServiceScopeFactory
    {
        public IServiceScope CreateScope()
        {
            onCreate();
            return inner.CreateScope();
        }
    }
}
