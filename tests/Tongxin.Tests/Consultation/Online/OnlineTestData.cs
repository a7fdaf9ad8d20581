using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Modules.PublicChannels;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Online;

/// <summary>A committee of its own with a consultation staff member (moderator), a member, a
/// leader, a unit account and a discussion, plus a second committee's member for the matrix.</summary>
public sealed record OnlineWorld(
    TestApp App,
    TestData.TestCommittee Committee,
    TestData.TestUser Staff,
    TestData.TestUser Member,
    TestData.TestUser Leader,
    TestData.TestUser Unit,
    TestData.TestUser OtherMember,
    TestData.TestUser OtherStaff,
    Guid DiscussionId)
{
    public const string SensitiveWord = "违禁测试词";

    public Task<T> ReadAsync<T>(Func<TongxinDbContext, Task<T>> read) =>
        App.AsAsync(Actor.System, sp => read(sp.GetRequiredService<TongxinDbContext>()));

    public Task<Discussion> DiscussionAsync() => ReadAsync(db => db.Discussions.AsNoTracking().FirstAsync(d => d.Id == DiscussionId));

    public Task<DiscussionComment> CommentAsync(Guid id) => ReadAsync(db => db.DiscussionComments.AsNoTracking().FirstAsync(c => c.Id == id));

    public Task<List<DiscussionComment>> CommentsAsync() =>
        ReadAsync(db => db.DiscussionComments.AsNoTracking().Where(c => c.DiscussionId == DiscussionId).ToListAsync());

    /// <summary>Posts as a signed-in user through the handlers.</summary>
    public Task<PostedComment> PostAsync(TestData.TestUser user, string text, Guid? parentId = null) =>
        App.AsAsync(user.Actor, async sp =>
        {
            var access = sp.GetRequiredService<DiscussionAccess>();
            var d = await access.LoadForWriterAsync(DiscussionId);
            return await sp.GetRequiredService<DiscussionComments>().PostAsync(d, access.SignedIn(), parentId, text, null);
        });

    public Task<int> LikeAsync(TestData.TestUser user, Guid commentId) =>
        App.AsAsync(user.Actor, async sp =>
        {
            var access = sp.GetRequiredService<DiscussionAccess>();
            return await sp.GetRequiredService<DiscussionComments>().LikeAsync(await access.LoadForWriterAsync(DiscussionId), access.SignedIn(), commentId);
        });

    public Task ReportAsync(TestData.TestUser user, Guid commentId) =>
        App.AsAsync(user.Actor, async sp =>
        {
            var access = sp.GetRequiredService<DiscussionAccess>();
            await sp.GetRequiredService<DiscussionComments>().ReportAsync(await access.LoadForWriterAsync(DiscussionId), access.SignedIn(), commentId, "不实信息");
        });

    public Task SetPublicAsync(bool on) =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var d = await db.Discussions.FirstAsync(x => x.Id == DiscussionId);
            d.PublicParticipation = on;
            await db.SaveChangesAsync();
        });

    /// <summary>Stores <paramref name="count"/> visible root comments directly (fast), all at
    /// <paramref name="at"/> when given (equal timestamps), else one second apart.</summary>
    public Task<List<Guid>> SeedRootsAsync(int count, DateTime? at = null) =>
        App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var start = App.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
            var rows = Enumerable.Range(0, count).Select(i =>
            {
                var c = new DiscussionComment
                {
                    CommitteeId = Committee.Id,
                    DiscussionId = DiscussionId,
                    Depth = 1,
                    AuthorName = $"作者{i}",
                    Content = $"第{i}条评论",
                    CreatedAt = at ?? start.AddSeconds(i),
                    LikeCount = i % 4,
                };
                c.RootId = c.Id;
                return c;
            }).ToList();
            db.DiscussionComments.AddRange(rows);
            var d = await db.Discussions.FirstAsync(x => x.Id == DiscussionId);
            d.CommentCount += count;
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });
}

public static class OnlineTestData
{
    public static async Task<OnlineWorld> NewOnlineWorldAsync(this TestApp app, bool publicParticipation = false)
    {
        var committee = await app.NewCommitteeAsync();
        var other = await app.NewCommitteeAsync();
        var staff = await app.NewUserAsync(committee, Roles.Staff, [Permissions.Consultations]);
        var member = await app.NewUserAsync(committee, Roles.Member);
        var leader = await app.NewUserAsync(committee, Roles.Leader);
        var unit = await app.NewUserAsync(committee, Roles.Unit);
        var otherMember = await app.NewUserAsync(other, Roles.Member);
        var otherStaff = await app.NewUserAsync(other, Roles.Staff, [Permissions.Consultations]);
        await app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            db.SensitiveWords.Add(new SensitiveWord { CommitteeId = committee.Id, Word = OnlineWorld.SensitiveWord });
            await db.SaveChangesAsync();
        });
        var topicId = await NewTopicAsync(app, committee);
        var id = await app.AsAsync(staff.Actor, sp => sp.GetRequiredService<DiscussionAdmin>()
            .OpenAsync(null, topicId, new DiscussionInput("关于社区养老的网络议政", "欢迎发言", publicParticipation)));
        return new OnlineWorld(app, committee, staff, member, leader, unit, otherMember, otherStaff, id);
    }

    private static Task<Guid> NewTopicAsync(TestApp app, TestData.TestCommittee committee) =>
        app.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var topic = new ConsultationTopic { CommitteeId = committee.Id, Year = 2026, Title = "社区养老", Source = TopicSource.Committee, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.ConsultationTopics.Add(topic);
            await db.SaveChangesAsync();
            return topic.Id;
        });
}
