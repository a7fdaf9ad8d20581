using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;

namespace Tongxin.Modules.Consultation.Seeding;

/// <summary>网络议政演示数据 – in 示例市政协 one discussion with public participation on (attached to
/// the committee's first activity when the activities part seeded one, else stand-alone): about 30
/// comments in threads up to depth 3 from members, staff and the public, likes, and one comment with
/// a demo sensitive word waiting in the moderation queue. Counters are set as the handlers keep them.</summary>
public static class OnlineDemoSeeder
{
    public static async Task SeedAsync(TongxinDbContext db, CancellationToken ct = default)
    {
        var city = await db.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (city is not { } committeeId || await db.Discussions.AnyAsync(d => d.CommitteeId == committeeId, ct))
        {
            return;
        }

        var activityId = await db.Activities.Where(a => a.CommitteeId == committeeId)
            .OrderBy(a => a.StartsAt).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        var people = await db.Users.Where(u => u.CommitteeId == committeeId && (u.UserName == "demo.member" || u.UserName == "demo.member2" || u.UserName == "demo.staff"))
            .OrderBy(u => u.UserName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        var discussion = new Discussion
        {
            CommitteeId = committeeId,
            ActivityId = activityId,
            Title = "老旧小区加装电梯怎么推进？",
            Intro = "围绕老旧小区加装电梯中的意见协调、资金分担和后期维护，欢迎委员和市民朋友建言献策。",
            PublicParticipation = true,
            Token = DiscussionAdmin.NewToken(),
            Status = DiscussionStatus.Open,
            CreatedAt = now.AddDays(-3),
        };
        db.Discussions.Add(discussion);

        string[] roots =
        [
            "低层住户顾虑采光和噪音，建议先由社区组织听证，把补偿办法讲清楚。",
            "资金分担可以按楼层系数计算，政府补贴部分要公开透明。",
            "建议把加装电梯纳入老旧小区改造的统一计划，避免一栋一栋单独审批。",
            "后期维保费用谁来出？建议引入物业或电梯企业“全生命周期”服务。",
            "审批流程太长，能否推行联合审批、一窗受理？",
            "可以借鉴外地“以租代购”的模式，减轻居民一次性出资压力。",
            "管线迁移是难点，建议水电气部门提前介入、费用减免。",
            "希望政协组织一次现场协商，把居民、企业和部门请到一起。",
            "加装电梯要兼顾无障碍通行，入户平层最好一并考虑。",
            "建议建立加装电梯纠纷调解机制，发挥人民调解员作用。",
        ];
        string[] replies =
        [
            "赞同，听证要让每户都表态。", "补贴标准应该全市统一。", "一窗受理在某些区已经试点了。",
            "维保可以由电梯企业打包承接十五年。", "以租代购的费用要算清楚。", "部门提前介入很关键。",
            "现场协商时请把低层住户代表也请来。", "平层入户成本高，要分类施策。", "调解员要懂政策。",
        ];
        var authors = people.Select(p => ((Guid?)p.Id, p.DisplayName, false)).ToList();
        authors.Add((null, "热心市民", true));
        authors.Add((null, "网友小李", true));
        var comments = new List<DiscussionComment>();
        var t = discussion.CreatedAt;
        DiscussionComment Add(string text, DiscussionComment? parent, int i)
        {
            var (userId, name, isPublic) = authors[i % authors.Count];
            t = t.AddMinutes(17);
            var c = new DiscussionComment
            {
                CommitteeId = committeeId,
                DiscussionId = discussion.Id,
                ParentId = parent?.Id,
                Depth = parent is null ? 1 : parent.Depth + 1,
                AuthorUserId = userId,
                AuthorName = name,
                IsPublic = isPublic,
                ClientHash = isPublic ? $"demo-client-{i % 7}" : null,
                Content = text,
                Status = CommentStatus.Visible,
                LikeCount = (i * 7) % 5,
                CreatedAt = t,
            };
            c.RootId = parent?.RootId ?? c.Id;
            comments.Add(c);
            if (parent is not null)
            {
                parent.ReplyCount++;
            }

            return c;
        }

        // 10 roots, 15 replies, 4 answers to replies: 29 visible comments in threads of depth 1–3.
        for (var i = 0; i < roots.Length; i++)
        {
            var root = Add(roots[i], null, i);
            var reply = Add(replies[i % replies.Length], root, i + 1);
            if (i % 2 == 1)
            {
                Add(replies[(i + 4) % replies.Length], root, i + 3);
            }

            if (i % 3 == 0)
            {
                Add("同意楼上的意见，补充一点：要有明确的时间表。", reply, i + 2);
            }
        }

        discussion.CommentCount = comments.Count;
        // The likers: the demo accounts and four public clients (at least the 4 likes a comment gets), once each.
        var likers = people.Select(p => $"u:{p.Id}").Concat(Enumerable.Range(0, 4).Select(i => $"p:demo-client-{i}")).ToList();
        var likes = comments.SelectMany(c => likers.Take(c.LikeCount).Select(k => new CommentLike
        {
            CommitteeId = committeeId,
            CommentId = c.Id,
            LikerKey = k,
            CreatedAt = c.CreatedAt.AddMinutes(5),
        })).ToList();
        var pending = new DiscussionComment
        {
            CommitteeId = committeeId,
            DiscussionId = discussion.Id,
            AuthorName = "匿名网友",
            IsPublic = true,
            ClientHash = "demo-client-9",
            Content = "专业代开发票，加装电梯费用可报销，联系我。",
            Status = CommentStatus.Pending,
            MatchedWords = "代开发票",
            CreatedAt = t.AddMinutes(9),
        };
        pending.RootId = pending.Id;
        db.DiscussionComments.AddRange(comments);
        db.DiscussionComments.Add(pending);
        db.CommentLikes.AddRange(likes);
        await db.SaveChangesAsync(ct);
    }
}
