using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;

namespace Tongxin.Modules.PublicChannels.Topics;

/// <summary>码上征题演示数据 – a few suggestions of the current year in 示例市政协 with supports, and
/// one held for moderation, so the public list and the staff page have something to show.</summary>
public static class TopicDemoSeeder
{
    public static async Task SeedAsync(TongxinDbContext db, CancellationToken ct = default)
    {
        var city = await db.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (city is not { } committeeId || await db.TopicSuggestions.AnyAsync(t => t.CommitteeId == committeeId, ct))
        {
            return;
        }

        var now = db.Time.GetUtcNow().UtcDateTime;
        var year = BeijingTime.FromUtc(now).Year;
        (string Title, string Description, int Supports, TopicSuggestionStatus Status)[] topics =
        [
            ("关于破解老旧小区停车难的协商", "老旧小区车位缺口大，占道停车影响消防通道，建议协商共享车位、错时停车等办法。", 12, TopicSuggestionStatus.Published),
            ("关于完善社区居家养老服务的协商", "社区助餐、助浴服务覆盖不足，建议就服务网点布局和运营补贴开展协商。", 8, TopicSuggestionStatus.Published),
            ("关于校外培训规范管理的协商", "部分校外培训机构收费不透明，建议协商加强预收费监管。", 3, TopicSuggestionStatus.Published),
            ("关于农贸市场提升改造的协商", "城区部分农贸市场环境脏乱，建议协商改造计划和长效管理。", 0, TopicSuggestionStatus.PendingModeration),
        ];
        for (var i = 0; i < topics.Length; i++)
        {
            var (title, description, supports, status) = topics[i];
            var suggestion = new TopicSuggestion
            {
                CommitteeId = committeeId,
                Year = year,
                Title = title,
                Description = description,
                ReceiptCode = ReceiptCodes.NewCode(),
                IdempotencyKey = $"demo-topic-{i}",
                Status = status,
                MatchedWords = status == TopicSuggestionStatus.PendingModeration ? "脏乱" : null,
                SupportCount = supports,
                CreatedAt = now.AddDays(-20 + i),
            };
            db.TopicSuggestions.Add(suggestion);
            db.TopicSupports.AddRange(Enumerable.Range(1, supports).Select(n => new TopicSupport
            {
                CommitteeId = committeeId,
                SuggestionId = suggestion.Id,
                SupporterHash = $"demo-supporter-{n}",
                At = suggestion.CreatedAt.AddHours(n),
            }));
        }

        await db.SaveChangesAsync(ct);
    }
}
