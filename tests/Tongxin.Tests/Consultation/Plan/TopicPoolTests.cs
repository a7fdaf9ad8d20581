using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Plan;
using Tongxin.Modules.PublicChannels;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Plan;

/// <summary>选题库: staff topics, 委员荐题, 码上征题 taken in once, filters.</summary>
public class TopicPoolTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_record_edit_drop_and_restore_party_and_committee_topics(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var id = await w.Pool(w.Staff.Actor, p => p.CreateAsync(PlanWorld.Topic("关于推进乡村振兴的协商")));
        var stored = await w.TopicAsync(id);
        (stored.Source, stored.ProposedBy, stored.NeedNote, stored.Status, stored.CommitteeId)
            .ShouldBe((TopicSource.PartyGovernment, "市委办公室", "市委年度重点工作", TopicStatus.Pool, w.Committee.Id));

        var edit = PlanWorld.Topic("关于全面推进乡村振兴的协商", TopicSource.Committee);
        edit.ProposedBy = "农业和农村委员会";
        edit.Version = stored.Version;
        await w.Pool(w.Staff.Actor, p => p.UpdateAsync(id, edit));
        var edited = await w.TopicAsync(id);
        (edited.Title, edited.Source, edited.ProposedBy).ShouldBe(("关于全面推进乡村振兴的协商", TopicSource.Committee, "农业和农村委员会"));

        var stale = await Should.ThrowAsync<ConflictException>(w.Pool(w.Staff.Actor, p => p.DropAsync(id, stored.Version)));
        stale.Message.ShouldBe(new ConflictException().Message);
        await w.Pool(w.Staff.Actor, p => p.DropAsync(id, edited.Version));
        (await w.TopicAsync(id)).Status.ShouldBe(TopicStatus.Dropped);
        await w.Pool(w.Staff.Actor, async p => await p.RestoreAsync(id, (await w.TopicAsync(id)).Version));
        (await w.TopicAsync(id)).Status.ShouldBe(TopicStatus.Pool);

        var asMember = await Should.ThrowAsync<ValidationFailedException>(w.Pool(w.Staff.Actor, p => p.CreateAsync(PlanWorld.Topic("代委员录入", TopicSource.Member))));
        asMember.Errors["Source"].ShouldBe(["工作人员只能录入党政点题或政协报题；委员荐题由委员在“我要荐题”提交，公开征题从码上征题纳入。"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_suggests_a_topic_that_lands_in_the_pool_under_their_name(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var input = PlanWorld.Topic("关于缓解课后托管难的协商", TopicSource.PartyGovernment);
        input.ProposedBy = "冒名";
        var id = await w.Pool(w.Member.Actor, p => p.SuggestAsync(input));

        var topic = await w.TopicAsync(id);
        (topic.Source, topic.ProposerMemberId, topic.ProposedBy, topic.Status, topic.WishNote)
            .ShouldBe((TopicSource.Member, w.Member.Actor.MemberId, $"{w.MemberName}委员", TopicStatus.Pool, "群众反映集中"));
        (await w.Pool(w.Member.Actor, p => p.MineAsync(1))).Items.Select(t => t.Title).ShouldBe(["关于缓解课后托管难的协商"]);
        var pool = await w.Pool(w.Staff.Actor, p => p.ListAsync(new TopicPoolFilter(2026, TopicSource.Member), 1));
        pool.Items.Single().ShouldSatisfyAllConditions(t => t.Id.ShouldBe(id), t => t.ProposedBy.ShouldBe($"{w.MemberName}委员"));

        var lastYear = PlanWorld.Topic("去年的选题");
        lastYear.Year = 2025;
        var refused = await Should.ThrowAsync<ValidationFailedException>(w.Pool(w.Member.Actor, p => p.SuggestAsync(lastYear)));
        refused.Errors["Year"].ShouldBe(["只能为今年或以后的年度荐题。"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_public_suggestion_is_taken_into_the_pool_once_with_its_support_count(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var suggestionId = await w.NewPublicSuggestionAsync("关于破解老旧小区停车难的建议", supports: 7);
        var held = await w.NewPublicSuggestionAsync("待审核的建议", 0, TopicSuggestionStatus.PendingModeration);

        var listed = await w.Pool(w.Staff.Actor, p => p.PublicSuggestionsAsync(2026, 1));
        listed.Items.Select(s => (s.Title, s.SupportCount)).ShouldBe([("关于破解老旧小区停车难的建议", 7)]);

        var topicId = await w.Pool(w.Staff.Actor, p => p.TakePublicAsync(suggestionId));
        var topic = await w.TopicAsync(topicId);
        (topic.Source, topic.SuggestionId, topic.SupportCount, topic.Title, topic.Year)
            .ShouldBe((TopicSource.Public, suggestionId, 7, "关于破解老旧小区停车难的建议", 2026));
        (await w.ReadAsync(d => d.TopicSuggestions.AsNoTracking().SingleAsync(s => s.Id == suggestionId))).Status.ShouldBe(TopicSuggestionStatus.TakenIntoPool);

        var twice = await Should.ThrowAsync<ConflictException>(w.Pool(w.Staff.Actor, p => p.TakePublicAsync(suggestionId)));
        twice.Message.ShouldBe("该征题已纳入选题库，不能重复纳入。");
        (await w.ReadAsync(d => d.ConsultationTopics.CountAsync(t => t.SuggestionId == suggestionId))).ShouldBe(1);
        var pending = await Should.ThrowAsync<ConflictException>(w.Pool(w.Staff.Actor, p => p.TakePublicAsync(held)));
        pending.Message.ShouldBe("只有已公开的征题可以纳入选题库。");

        // Later supports show in the pool: the count is read from the suggestion.
        await w.ReadAsync(d => d.TopicSuggestions.Where(s => s.Id == suggestionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.SupportCount, 9)));
        (await w.Pool(w.Staff.Actor, p => p.ListAsync(new TopicPoolFilter(2026, TopicSource.Public), 1))).Items.Single().SupportCount.ShouldBe(9);
        (await w.Pool(w.Staff.Actor, p => p.PublicSuggestionsAsync(2026, 1))).Items.Single().Status.ShouldBe(TopicSuggestionStatus.TakenIntoPool);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_pool_filters_by_year_source_and_status_and_pages(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        for (var i = 1; i <= 22; i++)
        {
            await w.Pool(w.Staff.Actor, p => p.CreateAsync(PlanWorld.Topic($"政协报题{i:00}", TopicSource.Committee)));
        }

        var party = await w.Pool(w.Staff.Actor, p => p.CreateAsync(PlanWorld.Topic("党政点题甲")));
        await w.Pool(w.Staff.Actor, async p => await p.DropAsync(party, (await w.TopicAsync(party)).Version));
        var next = PlanWorld.Topic("明年的选题");
        next.Year = 2027;
        await w.Pool(w.Staff.Actor, p => p.CreateAsync(next));

        var page1 = await w.Pool(w.Staff.Actor, p => p.ListAsync(new TopicPoolFilter(2026), 1));
        (page1.Total, page1.Items.Count, page1.PageCount).ShouldBe((23, 20, 2));
        (await w.Pool(w.Staff.Actor, p => p.ListAsync(new TopicPoolFilter(2026), 2))).Items.Count.ShouldBe(3);
        (await w.Pool(w.Staff.Actor, p => p.ListAsync(new TopicPoolFilter(2026, Status: TopicStatus.Dropped), 1))).Items.Select(t => t.Title).ShouldBe(["党政点题甲"]);
        (await w.Pool(w.Staff.Actor, p => p.ListAsync(new TopicPoolFilter(2026, TopicSource.Committee, Q: "报题2"), 1))).Total.ShouldBe(3);
        (await w.Pool(w.Staff.Actor, p => p.ListAsync(new TopicPoolFilter(2027), 1))).Items.Select(t => t.Title).ShouldBe(["明年的选题"]);
    }
}
