using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Plan;
using Tongxin.Modules.PublicChannels;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Plan;

/// <summary>Who may do what with the pool, the plan and the settings: role × action × own/other committee.</summary>
public class PlanAuthorizationTests
{
    private sealed record Case(string Action, Func<IServiceProvider, Task> Run);

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_consultation_staff_of_the_committee_manage_the_pool_the_plan_and_the_settings(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var draftId = await w.DraftPlanAsync((PlanFormat.Plenary, 1));
        var draft = await w.AsStaff(h => h.GetAsync(draftId));
        var topicId = await w.Pool(w.Staff.Actor, p => p.CreateAsync(PlanWorld.Topic("关于营商环境的协商")));
        var suggestionId = await w.NewPublicSuggestionAsync("关于公交线路的建议", 2);
        var settings = await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<ConsultationSettingsHandler>().GetAsync());
        static PlanHandler Plans(IServiceProvider sp) => sp.GetRequiredService<PlanHandler>();
        static TopicPoolHandler Pool(IServiceProvider sp) => sp.GetRequiredService<TopicPoolHandler>();
        var staffActions = new Case[]
        {
            new("新建计划", sp => Plans(sp).CreateAsync(2031, null)),
            new("添加事项", sp => Plans(sp).AddItemAsync(draftId, PlanWorld.Item("越权事项", PlanFormat.Other, 3))),
            new("修改事项", sp => Plans(sp).UpdateItemAsync(draft.Items[0].Id, PlanWorld.Item("越权修改", PlanFormat.Plenary, 2))),
            new("移除事项", sp => Plans(sp).RemoveItemAsync(draft.Items[0].Id, draft.Items[0].Version)),
            new("提交审议", sp => Plans(sp).SubmitAsync(draftId, draft.Version)),
            new("录入选题", sp => Pool(sp).CreateAsync(PlanWorld.Topic("越权选题"))),
            new("修改选题", sp => Pool(sp).UpdateAsync(topicId, PlanWorld.Topic("越权修改选题"))),
            new("不采用选题", sp => Pool(sp).DropAsync(topicId, 0)),
            new("查看选题库", sp => Pool(sp).ListAsync(new TopicPoolFilter(2026), 1)),
            new("导出选题库", sp => Pool(sp).ExportAsync(new TopicPoolFilter(2026))),
            new("查看码上征题", sp => Pool(sp).PublicSuggestionsAsync(2026, 1)),
            new("纳入码上征题", sp => Pool(sp).TakePublicAsync(suggestionId)),
            new("查看协商设置", sp => sp.GetRequiredService<ConsultationSettingsHandler>().GetAsync()),
            new("保存协商设置", sp => sp.GetRequiredService<ConsultationSettingsHandler>().SaveAsync(settings)),
        };
        var outsiders = new (string Who, Actor Actor)[]
        {
            ("委员", w.Member.Actor), ("无协商权限的工作人员", w.StaffWithoutPermission.Actor), ("领导", w.Leader.Actor),
            ("承办单位", w.Unit.Actor), ("其他政协的协商工作人员", w.OtherStaff.Actor),
        };
        foreach (var (who, actor) in outsiders)
        {
            foreach (var action in staffActions)
            {
                if (who == "其他政协的协商工作人员" && action.Action is "新建计划" or "录入选题" or "查看选题库" or "导出选题库" or "查看码上征题" or "查看协商设置" or "保存协商设置")
                {
                    continue; // in their own committee these are theirs to do; checked below
                }

                var e = await Should.ThrowAsync<DomainException>(w.App.AsAsync(actor, action.Run), $"{who} {action.Action}");
                (e is ForbiddenException or NotFoundException).ShouldBeTrue($"{who} {action.Action}: {e.GetType().Name}");
            }
        }

        // Nothing changed, and the other committee's staff worked only in their own committee.
        var after = await w.AsStaff(h => h.GetAsync(draftId));
        (after.Status, after.Items.Single().Title).ShouldBe((PlanStatus.Draft, draft.Items[0].Title));
        (await w.TopicAsync(topicId)).ShouldSatisfyAllConditions(t => t.Title.ShouldBe("关于营商环境的协商"), t => t.Status.ShouldBe(TopicStatus.Pool));
        (await w.ReadAsync(d => d.TopicSuggestions.AsNoTracking().SingleAsync(s => s.Id == suggestionId))).Status.ShouldBe(TopicSuggestionStatus.Published);
        (await w.ReadAsync(d => d.ConsultationTopics.CountAsync(t => t.CommitteeId == w.Committee.Id))).ShouldBe(1);
        (await w.ReadAsync(d => d.ConsultationSettings.AnyAsync(s => s.CommitteeId == w.Committee.Id))).ShouldBeFalse();
        (await w.App.AsAsync(w.OtherStaff.Actor, sp => Pool(sp).ListAsync(new TopicPoolFilter(2026), 1))).Items.ShouldNotContain(t => t.Id == topicId);
        (await w.App.AsAsync(w.OtherStaff.Actor, sp => Plans(sp).ListAsync())).ShouldNotContain(p => p.Id == draftId);

        // The same actions are the committee's consultation staff's to do (those that need no fresh version).
        foreach (var action in staffActions.Where(a => a.Action is "添加事项" or "录入选题" or "查看选题库" or "导出选题库" or "查看码上征题" or "纳入码上征题" or "查看协商设置" or "保存协商设置"))
        {
            await w.App.AsAsync(w.Staff.Actor, action.Run);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Members_leaders_and_staff_read_a_published_plan_and_only_consultation_staff_a_draft(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        var published = await w.PublishedPlanAsync((PlanFormat.Plenary, 1));
        var draft = await w.App.AsAsync(w.Staff.Actor, sp => sp.GetRequiredService<PlanHandler>().CreateAsync(2027, null));
        static Task<PlanView> Read(IServiceProvider sp, Guid id) => sp.GetRequiredService<PlanHandler>().GetAsync(id);

        foreach (var (who, actor) in new[] { ("委员", w.Member.Actor), ("领导", w.Leader.Actor), ("无协商权限的工作人员", w.StaffWithoutPermission.Actor), ("协商工作人员", w.Staff.Actor) })
        {
            (await w.App.AsAsync(actor, sp => Read(sp, published))).Items.Count.ShouldBe(1, who);
            (await w.App.AsAsync(actor, sp => sp.GetRequiredService<PlanHandler>().ListAsync())).Select(p => p.Id).ShouldContain(published, who);
            (await w.App.AsAsync(actor, sp => sp.GetRequiredService<PlanHandler>().CalendarAsync(published))).Quarters.Count.ShouldBe(4, who);
        }

        foreach (var (who, actor) in new[] { ("委员", w.Member.Actor), ("领导", w.Leader.Actor), ("无协商权限的工作人员", w.StaffWithoutPermission.Actor) })
        {
            await Should.ThrowAsync<NotFoundException>(w.App.AsAsync(actor, sp => Read(sp, draft)), who);
            (await w.App.AsAsync(actor, sp => sp.GetRequiredService<PlanHandler>().ListAsync())).Select(p => p.Id).ShouldNotContain(draft, who);
        }

        (await w.App.AsAsync(w.Staff.Actor, sp => Read(sp, draft))).Status.ShouldBe(PlanStatus.Draft);
        await Should.ThrowAsync<ForbiddenException>(w.App.AsAsync(w.Unit.Actor, sp => Read(sp, published)));
        await Should.ThrowAsync<ForbiddenException>(w.App.AsAsync(w.Unit.Actor, sp => sp.GetRequiredService<PlanHandler>().ListAsync()));
        await Should.ThrowAsync<NotFoundException>(w.App.AsAsync(w.OtherStaff.Actor, sp => Read(sp, published)));
        await Should.ThrowAsync<NotFoundException>(w.App.AsAsync(w.OtherStaff.Actor, sp => sp.GetRequiredService<PlanExport>().ExcelAsync(published)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_members_suggest_topics(Db db)
    {
        var w = await (await TestApp.SharedAsync(db)).NewPlanWorldAsync();
        foreach (var (who, actor) in new[] { ("协商工作人员", w.Staff.Actor), ("领导", w.Leader.Actor), ("承办单位", w.Unit.Actor), ("公众", Actor.Public(w.Committee.Id, "127.0.0.1")) })
        {
            var e = await Should.ThrowAsync<ForbiddenException>(w.Pool(actor, p => p.SuggestAsync(PlanWorld.Topic("越权荐题"))), who);
            e.Message.ShouldBe("只有委员可以执行此操作。");
            await Should.ThrowAsync<ForbiddenException>(w.Pool(actor, p => p.MineAsync(1)), who);
        }

        (await w.ReadAsync(d => d.ConsultationTopics.CountAsync(t => t.CommitteeId == w.Committee.Id))).ShouldBe(0);
    }
}
