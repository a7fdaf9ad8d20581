using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.PublicChannels;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.PublicChannels.Topics;

/// <summary>A committee with 公众渠道 staff, for 码上征题.</summary>
internal sealed record TopicWorld(TestApp App, TestData.TestCommittee Committee, TestData.TestUser Staff, TestData.TestUser StaffWithoutPublic)
{
    public Task<T> ReadAsync<T>(Func<TongxinDbContext, Task<T>> read) =>
        App.AsAsync(Actor.System, sp => read(sp.GetRequiredService<TongxinDbContext>()));

    public Task<TopicSuggestion> SuggestionAsync(Guid id) => ReadAsync(d => d.TopicSuggestions.AsNoTracking().SingleAsync(t => t.Id == id));

    /// <summary>A suggestion inserted as a row, with <paramref name="supports"/> supporters.</summary>
    public Task<Guid> NewSuggestionAsync(string title, TopicSuggestionStatus status = TopicSuggestionStatus.Published, int supports = 0, int year = 2026, DateTime? at = null, string? phone = "13900001111") =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var t = new TopicSuggestion
            {
                CommitteeId = Committee.Id,
                Year = year,
                Title = title,
                Description = $"{title}的说明。",
                SubmitterName = "周群众",
                Phone = phone,
                ReceiptCode = "Z" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant(),
                IdempotencyKey = Guid.NewGuid().ToString("N"),
                Status = status,
                SupportCount = supports,
                CreatedAt = at ?? App.Clock.GetUtcNow().UtcDateTime,
            };
            db.TopicSuggestions.Add(t);
            db.TopicSupports.AddRange(Enumerable.Range(0, supports).Select(i => new TopicSupport { CommitteeId = Committee.Id, SuggestionId = t.Id, SupporterHash = $"seed-{i}", At = t.CreatedAt }));
            await db.SaveChangesAsync();
            return t.Id;
        });
}

internal static class TopicTestData
{
    public static async Task<TopicWorld> NewTopicWorldAsync(this TestApp app)
    {
        var committee = await app.NewCommitteeAsync();
        return new TopicWorld(app, committee,
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Public]),
            await app.NewUserAsync(committee, Roles.Staff, [Permissions.Opinions]));
    }
}
