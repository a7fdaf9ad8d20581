using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Online;

/// <summary>Keyset pages of root comments: every comment exactly once across the pages, also when
/// many share one timestamp; the most-liked order; a malformed cursor is refused.</summary>
public class DiscussionPagingTests
{
    private static Task<CommentPage> PageAsync(OnlineWorld w, CommentSort sort, string? before, int page = 1) =>
        w.App.AsAsync(w.Member.Actor, async sp =>
        {
            var access = sp.GetRequiredService<DiscussionAccess>();
            return await sp.GetRequiredService<DiscussionQuery>().PageAsync(await access.LoadForReaderAsync(w.DiscussionId), sort, before, page, access.SignedIn());
        });

    [Theory, ClassData(typeof(Databases))]
    public async Task Keyset_pages_have_no_duplicates_or_gaps_even_with_equal_timestamps(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var same = w.App.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
        var ids = (await w.SeedRootsAsync(25, at: same)).Concat(await w.SeedRootsAsync(22)).ToHashSet();

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await PageAsync(w, CommentSort.Newest, cursor);
            page.Roots.Count.ShouldBeLessThanOrEqualTo(DiscussionQuery.PageSize);
            seen.AddRange(page.Roots.Select(r => r.Id));
            // Newest first: timestamps never go up within the walk.
            page.Roots.Zip(page.Roots.Skip(1)).ShouldAllBe(p => p.First.CreatedAt >= p.Second.CreatedAt);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        pages.ShouldBe(3);
        seen.Count.ShouldBe(47);
        seen.ToHashSet().SetEquals(ids).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Most_liked_order_pages_by_likes_and_ends(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var ids = (await w.SeedRootsAsync(30)).ToHashSet();
        var first = await PageAsync(w, CommentSort.MostLiked, null);
        first.Roots.Count.ShouldBe(20);
        first.Roots.Zip(first.Roots.Skip(1)).ShouldAllBe(p => p.First.LikeCount >= p.Second.LikeCount);
        first.NextPage.ShouldBe(2);
        var second = await PageAsync(w, CommentSort.MostLiked, null, 2);
        second.Roots.Count.ShouldBe(10);
        second.NextPage.ShouldBeNull();
        first.Roots.Concat(second.Roots).Select(r => r.Id).ToHashSet().SetEquals(ids).ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_malformed_cursor_is_refused_in_chinese(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewOnlineWorldAsync();
        var e = await Should.ThrowAsync<ValidationFailedException>(() => PageAsync(w, CommentSort.Newest, "abc_xyz"));
        e.Errors["before"].ShouldBe(["分页参数无效，请返回第一页。"]);
    }
}
