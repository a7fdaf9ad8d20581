using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Plan;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Plan;

/// <summary>年度协商计划: Draft → 主席会议审议 → 党委审定 → 发布, returns, and only a draft is edited.</summary>
public class PlanWorkflowTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_take_a_plan_through_both_reviews_to_published_and_each_move_is_audited(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var id = await w.DraftPlanAsync(PlanWorld.FullShape);
        var draft = await w.PlanAsync(id);
        (draft.Status, draft.Pattern, draft.Title).ShouldBe((PlanStatus.Draft, "1+2+6+X", $"{w.Committee.Name}2026年度协商计划"));

        await w.AsStaff(h => h.SubmitAsync(id, draft.Version));
        var inChair = await w.PlanAsync(id);
        inChair.Status.ShouldBe(PlanStatus.ChairReview);

        await w.AsStaff(h => h.ChairApproveAsync(id, inChair.Version, "原则同意，报市委审定。"));
        var inParty = await w.PlanAsync(id);
        (inParty.Status, inParty.ReviewNote).ShouldBe((PlanStatus.PartyReview, "原则同意，报市委审定。"));
        inParty.ChairReviewedAt.ShouldBe(w.App.Clock.GetUtcNow().UtcDateTime);

        await w.AsStaff(h => h.PublishAsync(id, inParty.Version, "市委常委会审定同意。"));
        var published = await w.PlanAsync(id);
        (published.Status, published.PublishedAt, published.ApprovedAt).ShouldBe((PlanStatus.Published, w.App.Clock.GetUtcNow().UtcDateTime, w.App.Clock.GetUtcNow().UtcDateTime));

        var actions = await w.ReadAsync(d => d.AuditEntries.AsNoTracking()
            .Where(a => a.TargetId == id.ToString() && a.Action.StartsWith("协商计划")).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        actions.ShouldBe(["协商计划提交主席会议审议", "协商计划主席会议审议通过", "协商计划党委审定通过并发布"]);
        (await w.ReadAsync(d => d.AuditEntries.CountAsync(a => a.TargetId == id.ToString() && a.UserName == w.Staff.UserName))).ShouldBeGreaterThan(3);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Either_review_returns_the_plan_to_draft_with_a_note(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var id = await w.DraftPlanAsync((PlanFormat.Plenary, 1));
        await w.AsStaff(async h => await h.SubmitAsync(id, (await w.PlanAsync(id)).Version));

        var noNote = await Should.ThrowAsync<ValidationFailedException>(w.AsStaff(async h => await h.ReturnAsync(id, (await w.PlanAsync(id)).Version, "  ")));
        noNote.Errors["Note"].ShouldBe(["退回意见不能为空。"]);
        (await w.PlanAsync(id)).Status.ShouldBe(PlanStatus.ChairReview);

        await w.AsStaff(async h => await h.ReturnAsync(id, (await w.PlanAsync(id)).Version, "常委会议协商题目需调整"));
        var back = await w.PlanAsync(id);
        (back.Status, back.ReviewNote).ShouldBe((PlanStatus.Draft, "主席会议审议退回：常委会议协商题目需调整"));

        await w.AsStaff(h => h.SubmitAsync(id, back.Version));
        await w.AsStaff(async h => await h.ChairApproveAsync(id, (await w.PlanAsync(id)).Version, null));
        await w.AsStaff(async h => await h.ReturnAsync(id, (await w.PlanAsync(id)).Version, "增加一项民生议题"));
        var again = await w.PlanAsync(id);
        (again.Status, again.ReviewNote).ShouldBe((PlanStatus.Draft, "党委审定退回：增加一项民生议题"));

        var returnDraft = await Should.ThrowAsync<ConflictException>(w.AsStaff(h => h.ReturnAsync(id, again.Version, "再退回")));
        returnDraft.Message.ShouldBe("计划当前状态为“草拟中”，只有审议中或审定中的计划可以退回。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_a_draft_is_edited_and_moves_keep_their_order(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var id = await w.DraftPlanAsync((PlanFormat.Plenary, 1), (PlanFormat.Other, 5));
        var items = (await w.AsStaff(h => h.GetAsync(id))).Items;

        var early = await Should.ThrowAsync<ConflictException>(w.AsStaff(async h => await h.PublishAsync(id, (await w.PlanAsync(id)).Version, null)));
        early.Message.ShouldBe("计划当前状态为“草拟中”，不能记录党委审定并发布。");

        await w.AsStaff(async h => await h.SubmitAsync(id, (await w.PlanAsync(id)).Version));
        foreach (var edit in new Func<PlanHandler, Task>[]
        {
            h => h.AddItemAsync(id, PlanWorld.Item("新增协商", PlanFormat.Other, 6)),
            h => h.UpdateItemAsync(items[0].Id, PlanWorld.Item("改名", PlanFormat.Plenary, 2)),
            h => h.RemoveItemAsync(items[1].Id, items[1].Version),
        })
        {
            var refused = await Should.ThrowAsync<ConflictException>(w.AsStaff(edit));
            refused.Message.ShouldBe(PlanHandler.NotDraftMessage);
        }

        var after = await w.AsStaff(h => h.GetAsync(id));
        after.Items.Select(i => (i.Title, i.Month)).ShouldBe([(items[0].Title, 1), (items[1].Title, 5)]);

        var stale = await Should.ThrowAsync<ConflictException>(w.AsStaff(h => h.ChairApproveAsync(id, after.Version - 1, null)));
        stale.Message.ShouldBe(new ConflictException().Message);
        (await w.PlanAsync(id)).Status.ShouldBe(PlanStatus.ChairReview);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_empty_plan_is_not_sent_to_review_and_a_year_has_one_plan(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var id = await w.AsStaff(h => h.CreateAsync(2026, "  "));
        var empty = await Should.ThrowAsync<ConflictException>(w.AsStaff(async h => await h.SubmitAsync(id, (await w.PlanAsync(id)).Version)));
        empty.Message.ShouldBe("计划中还没有协商事项，不能提交审议。");

        var twice = await Should.ThrowAsync<ValidationFailedException>(w.AsStaff(h => h.CreateAsync(2026, "另一份计划")));
        twice.Errors["Year"].ShouldBe(["2026年度协商计划已存在，每年只有一份计划。"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Items_from_the_pool_mark_their_topics_planned_and_free_them_when_removed(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var topicId = await w.Pool(w.Staff.Actor, p => p.CreateAsync(PlanWorld.Topic("关于优化营商环境的协商")));
        var planId = await w.AsStaff(h => h.CreateAsync(2026, null));

        var itemId = await w.AsStaff(h => h.AddItemAsync(planId, PlanWorld.Item("", PlanFormat.StandingCommittee, 4, topicId)));
        (await w.TopicAsync(topicId)).Status.ShouldBe(TopicStatus.Planned);
        var view = await w.AsStaff(h => h.GetAsync(planId));
        view.Items.Single().ShouldSatisfyAllConditions(
            i => i.Title.ShouldBe("关于优化营商环境的协商"),
            i => i.TopicSource.ShouldBe(TopicSource.PartyGovernment),
            i => i.TopicId.ShouldBe(topicId));
        (await w.Pool(w.Staff.Actor, p => p.AvailableAsync(2026))).ShouldNotContain(t => t.Id == topicId);

        var twice = await Should.ThrowAsync<ValidationFailedException>(w.AsStaff(h => h.AddItemAsync(planId, PlanWorld.Item("", PlanFormat.Other, 5, topicId))));
        twice.Errors["TopicId"].ShouldBe(["该选题已列入计划。"]);
        var drop = await Should.ThrowAsync<ConflictException>(w.Pool(w.Staff.Actor, async p => await p.DropAsync(topicId, (await w.TopicAsync(topicId)).Version)));
        drop.Message.ShouldBe("该选题已列入计划，请先从计划中移除再设为未采用。");

        await w.AsStaff(h => h.RemoveItemAsync(itemId, view.Items.Single().Version));
        (await w.TopicAsync(topicId)).Status.ShouldBe(TopicStatus.Pool);
        (await w.AsStaff(h => h.GetAsync(planId))).Items.ShouldBeEmpty();
    }
}
