using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.PublicChannels;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;

namespace Tongxin.Modules.Consultation.Seeding;

/// <summary>年度协商计划演示数据 – 示例市政协's 2026 topic pool (all four sources; the most supported
/// 码上征题 taken in) and its published 2026 plan in the "1+2+6+X" shape, so the pool, plan and
/// calendar pages have something to show. Runs after the 码上征题 demo data.</summary>
public static class PlanDemoSeeder
{
    private const int Year = 2026;

    public static async Task SeedAsync(TongxinDbContext db, CancellationToken ct = default)
    {
        var city = await db.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (city is not { } committeeId || await db.ConsultationPlans.AnyAsync(p => p.CommitteeId == committeeId, ct))
        {
            return;
        }

        var now = db.Time.GetUtcNow().UtcDateTime;
        var member = await db.Users.Where(u => u.UserName == "demo.member" && u.MemberId != null)
            .Join(db.Members, u => u.MemberId, m => m.Id, (u, m) => new { m.Id, m.Name }).FirstOrDefaultAsync(ct);
        var topics = new List<ConsultationTopic>();
        ConsultationTopic Topic(string title, TopicSource source, string by, string need, string wish, string ability, Guid? memberId = null)
        {
            var t = new ConsultationTopic
            {
                CommitteeId = committeeId,
                Year = Year,
                Title = title,
                Description = $"围绕“{title.Replace("关于", "").Replace("的协商", "")}”开展调研协商。",
                Source = source,
                ProposedBy = by,
                ProposerMemberId = memberId,
                NeedNote = need,
                WishNote = wish,
                AbilityNote = ability,
                CreatedAt = now.AddDays(-60 + topics.Count),
            };
            topics.Add(t);
            return t;
        }

        var economy = Topic("关于推动制造业高质量发展的协商", TopicSource.PartyGovernment, "市委办公室", "市委经济工作会议确定的重点任务", "企业关心转型升级政策", "经济界委员集中，熟悉产业");
        var business = Topic("关于持续优化营商环境的协商", TopicSource.PartyGovernment, "市政府办公室", "市政府年度重点工作", "市场主体期盼办事更便利", "可组织政企协商会");
        var rural = Topic("关于推进乡村全面振兴的协商", TopicSource.PartyGovernment, "市委农办", "乡村振兴考核重点", "农民增收愿望强烈", "农业界委员长期调研");
        var elderly = Topic("关于完善居家社区养老服务体系的协商", TopicSource.Committee, "社会和法制委员会", "民生实事项目", "老年人助餐助浴需求大", "已开展两年跟踪调研");
        var river = Topic("关于加强河湖生态保护的协商", TopicSource.Committee, "人口资源环境委员会", "生态文明建设要求", "群众关心水环境", "可开展民主监督");
        var culture = Topic("关于打造城市文化品牌的协商", TopicSource.Committee, "文化文史和学习委员会", "文旅融合发展规划", "市民期待更多公共文化活动", "文化界委员资源丰富");
        var proposal = Topic("关于重点提案办理的协商", TopicSource.Committee, "提案委员会", "提案办理质量提升", "提案人关注办理实效", "提案办理协商机制成熟");
        var school = Topic("关于缓解中小学课后托管难的协商", TopicSource.Member, member is null ? "委员" : $"{member.Name}委员", "教育“双减”落实", "家长接送难", "教育界委员熟悉情况", member?.Id);
        var talent = Topic("关于引进和留住青年人才的协商", TopicSource.Member, "经济界委员联名", "人才强市战略", "青年关注住房与就业", "可联系高校和企业");
        var medical = Topic("关于推进紧密型医共体建设的协商", TopicSource.Member, "医卫界委员联名", "医改重点任务", "群众看病就近方便", "医卫界委员专业");
        var waste = Topic("关于垃圾分类长效管理的协商", TopicSource.PartyGovernment, "市城管局", "城市管理考核", "小区分类设施不足", "可组织界别协商");
        Topic("关于夜间经济发展的协商", TopicSource.Member, "青年委员联名", "促消费政策", "市民希望夜间去处更多", "可开展调研");

        // The most supported public 码上征题 suggestion of the year is taken into the pool.
        var suggestion = await db.TopicSuggestions
            .Where(s => s.CommitteeId == committeeId && s.Year == Year && s.Status == TopicSuggestionStatus.Published)
            .OrderByDescending(s => s.SupportCount).FirstOrDefaultAsync(ct);
        ConsultationTopic? parking = null;
        if (suggestion is not null)
        {
            parking = Topic(suggestion.Title, TopicSource.Public, "社会公众（码上征题）", "城市更新重点", "群众反映集中", "可邀请群众代表参加协商");
            parking.Description = suggestion.Description;
            parking.SuggestionId = suggestion.Id;
            parking.SupportCount = suggestion.SupportCount;
            suggestion.Status = TopicSuggestionStatus.TakenIntoPool;
        }

        var plan = new ConsultationPlan
        {
            CommitteeId = committeeId,
            Year = Year,
            Title = $"{DemoSeeder.CityCommitteeName}{Year}年度协商计划",
            Pattern = "1+2+6+X",
            Status = PlanStatus.Published,
            CreatedAt = now.AddDays(-45),
            ChairReviewedAt = now.AddDays(-30),
            ApprovedAt = now.AddDays(-20),
            PublishedAt = now.AddDays(-20),
            ReviewNote = "市委常委会审定同意。",
        };
        var items = new List<ConsultationPlanItem>();
        void Item(ConsultationTopic? topic, string title, PlanFormat format, ActivityType type, int month, string leader, string organizer)
        {
            items.Add(new ConsultationPlanItem
            {
                CommitteeId = committeeId,
                PlanId = plan.Id,
                TopicId = topic?.Id,
                Title = topic?.Title ?? title,
                Format = format,
                ActivityType = type,
                Month = month,
                LeadLeader = leader,
                Organizer = organizer,
                SortOrder = items.Count + 1,
            });
            if (topic is not null)
            {
                topic.Status = TopicStatus.Planned;
            }
        }

        Item(economy, "", PlanFormat.Plenary, ActivityType.Plenary, 1, "陈主席", "办公室");
        Item(business, "", PlanFormat.StandingCommittee, ActivityType.StandingCommittee, 4, "李副主席", "经济委员会");
        Item(rural, "", PlanFormat.StandingCommittee, ActivityType.StandingCommittee, 9, "王副主席", "农业和农村委员会");
        Item(elderly, "", PlanFormat.ChairMeeting, ActivityType.ChairMeeting, 3, "赵副主席", "社会和法制委员会");
        Item(river, "", PlanFormat.ChairMeeting, ActivityType.ChairMeeting, 5, "孙副主席", "人口资源环境委员会");
        Item(culture, "", PlanFormat.ChairMeeting, ActivityType.ChairMeeting, 6, "周副主席", "文化文史和学习委员会");
        Item(talent, "", PlanFormat.ChairMeeting, ActivityType.ChairMeeting, 8, "李副主席", "经济委员会");
        Item(medical, "", PlanFormat.ChairMeeting, ActivityType.ChairMeeting, 10, "吴副主席", "教科卫体委员会");
        Item(waste, "", PlanFormat.ChairMeeting, ActivityType.ChairMeeting, 11, "郑秘书长", "城乡建设委员会");
        Item(proposal, "", PlanFormat.Other, ActivityType.ProposalHandling, 7, "赵副主席", "提案委员会");
        Item(school, "", PlanFormat.Other, ActivityType.PleaseComeConsult, 2, "周副主席", "教科卫体委员会");
        Item(parking, "关于破解老旧小区停车难的协商", PlanFormat.Other, ActivityType.LivelihoodHall, 12, "王副主席", "城乡建设委员会");

        db.ConsultationTopics.AddRange(topics);
        db.ConsultationPlans.Add(plan);
        db.ConsultationPlanItems.AddRange(items);
        // The demo seeder turns automatic change detection off; the suggestion was changed after loading.
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }
}
