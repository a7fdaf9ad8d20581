using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Results;

/// <summary>意见建议办理: recorded at an activity, assigned with the answer deadline, answered by the
/// unit with a reason, followed up and closed – each step telling the unit and the member.</summary>
public class SuggestionLifecycleTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_suggestion_is_recorded_assigned_answered_and_closed_and_the_unit_and_member_are_told(Db db)
    {
        // Its own app with delivery left to the test: every notification is delivered by the
        // explicit dispatch below, never raced by the background loop.
        await using var app = await TestApp.CreateIsolatedAsync(db, settings: new Dictionary<string, string?> { ["Tongxin:Events:RunDispatcher"] = "false" });
        var w = await app.NewResultsWorldAsync();
        var activityId = await w.NewActivityAsync();

        var id = await w.RecordAsync(activityId);
        var s = await w.SuggestionAsync(id);
        s.Status.ShouldBe(SuggestionStatus.Raised);
        s.Kind.ShouldBe(SuggestionKind.Activity);
        s.ActivityId.ShouldBe(activityId);
        s.RaisedBy.ShouldBe(w.Member.Name);

        var due = await w.Suggestions(w.Staff, h => h.AssignAsync(id, w.Unit1.UnitId));
        due.ShouldBe(new DateOnly(2026, 6, 2), "assigned on Monday 2 March 2026, three months later is a Tuesday");
        s = await w.SuggestionAsync(id);
        s.Status.ShouldBe(SuggestionStatus.Assigned);
        s.HandlingUnitId.ShouldBe(w.Unit1.UnitId);
        s.DueDate.ShouldBe(due);
        s.AssignedAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);

        await w.DispatchAsync();
        (await w.InboxAsync(w.Unit1.User)).ShouldContain(n => n.Title == "意见建议已交办" && n.Body.Contains("2026年6月2日") && n.Link == $"/Consultation/Results/Suggestion/{id}");
        (await w.InboxAsync(w.Member.User)).ShouldContain(n => n.Title == "意见建议已交办");
        (await w.InboxAsync(w.Unit2.User)).ShouldBeEmpty();

        var unitList = await w.As(w.Unit1.User, sp => sp.GetRequiredService<SuggestionQueries>().ForUnitAsync(new SuggestionFilter(), 1));
        unitList.Items.ShouldHaveSingleItem().Id.ShouldBe(id);
        (await w.As(w.Unit2.User, sp => sp.GetRequiredService<SuggestionQueries>().ForUnitAsync(new SuggestionFilter(), 1))).Total.ShouldBe(0);
        var todos = await w.As(w.Unit1.User, sp => sp.GetServices<ITodoSource>().OfType<ResultsTodos>().Single().GetAsync(w.Unit1.User.Actor, default));
        todos.Single(t => t.Title == "待答复的意见建议").Count.ShouldBe(1);

        await w.Suggestions(w.Unit1.User, h => h.AnswerAsync(id, SuggestionAnswer.PartlyAdopted, "部分采纳：先在城区试点集中充电桩。"));
        s = await w.SuggestionAsync(id);
        s.Status.ShouldBe(SuggestionStatus.Answered);
        s.Answer.ShouldBe(SuggestionAnswer.PartlyAdopted);
        s.AnswerText.ShouldBe("部分采纳：先在城区试点集中充电桩。");

        await w.Suggestions(w.Staff, h => h.CloseAsync(id, "回头看：试点小区已建成充电棚 3 处。"));
        s = await w.SuggestionAsync(id);
        s.Status.ShouldBe(SuggestionStatus.Closed);
        s.FollowUp.ShouldBe("回头看：试点小区已建成充电棚 3 处。");
        s.ClosedAt.ShouldNotBeNull();

        await w.DispatchAsync();
        var memberInbox = await w.InboxAsync(w.Member.User);
        memberInbox.ShouldContain(n => n.Title == "意见建议已答复" && n.Body.Contains("部分采纳"));
        memberInbox.ShouldContain(n => n.Title == "意见建议已办结");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_answer_without_a_reason_or_a_choice_is_refused_in_chinese_and_nothing_changes(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var id = await w.RecordAsync(await w.NewActivityAsync());
        await w.Suggestions(w.Staff, h => h.AssignAsync(id, w.Unit1.UnitId));

        var noReason = await Should.ThrowAsync<ValidationFailedException>(w.Suggestions(w.Unit1.User, h => h.AnswerAsync(id, SuggestionAnswer.NotAdopted, "   ")));
        noReason.Errors["AnswerText"].ShouldBe(["请填写答复理由。"]);
        var noChoice = await Should.ThrowAsync<ValidationFailedException>(w.Suggestions(w.Unit1.User, h => h.AnswerAsync(id, null, "理由")));
        noChoice.Errors["Answer"].ShouldBe(["请选择采纳情况。"]);
        var tooLong = await Should.ThrowAsync<ValidationFailedException>(w.Suggestions(w.Unit1.User, h => h.AnswerAsync(id, SuggestionAnswer.Adopted, new string('理', 2001))));
        tooLong.Errors["AnswerText"].ShouldBe(["答复理由不能超过2000个字符。"]);

        var s = await w.SuggestionAsync(id);
        s.Status.ShouldBe(SuggestionStatus.Assigned);
        s.Answer.ShouldBeNull();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_deadline_that_falls_on_a_rest_day_moves_to_the_next_working_day(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        // Two months after Monday 2 March 2026 is Saturday 2 May, inside the Labour Day holiday (1–5 May).
        await w.SetSettingsAsync(s => s.AnswerMonths = 2);
        var id = await w.RecordAsync(await w.NewActivityAsync());

        var due = await w.Suggestions(w.Staff, h => h.AssignAsync(id, w.Unit1.UnitId));

        due.ShouldBe(new DateOnly(2026, 5, 6));
        (await w.SuggestionAsync(id)).DueDate.ShouldBe(new DateOnly(2026, 5, 6));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_assignment_past_its_deadline_is_flagged_overdue_in_the_unit_list_and_to_dos(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var activityId = await w.NewActivityAsync();
        var late = await w.RecordAsync(activityId, "逾期的建议");
        var onTime = await w.RecordAsync(activityId, "未到期的建议");
        await w.Suggestions(w.Staff, h => h.AssignAsync(late, w.Unit1.UnitId));
        await w.Suggestions(w.Staff, h => h.AssignAsync(onTime, w.Unit1.UnitId));
        // Arranged as if it had been assigned months ago: its deadline was last Friday.
        await app.AsAsync(Actor.System, sp => sp.GetRequiredService<Tongxin.Platform.Data.TongxinDbContext>().ConsultationSuggestions
            .Where(s => s.Id == late).ExecuteUpdateAsync(u => u.SetProperty(s => s.DueDate, new DateOnly(2026, 2, 27))));

        var all = await w.As(w.Unit1.User, sp => sp.GetRequiredService<SuggestionQueries>().ForUnitAsync(new SuggestionFilter(), 1));
        all.Items.Single(r => r.Id == late).Overdue.ShouldBeTrue();
        all.Items.Single(r => r.Id == onTime).Overdue.ShouldBeFalse();
        var overdueOnly = await w.As(w.Unit1.User, sp => sp.GetRequiredService<SuggestionQueries>().ForUnitAsync(new SuggestionFilter(OverdueOnly: true), 1));
        overdueOnly.Items.ShouldHaveSingleItem().Id.ShouldBe(late);
        var todos = await w.As(w.Unit1.User, sp => sp.GetServices<ITodoSource>().OfType<ResultsTodos>().Single().GetAsync(w.Unit1.User.Actor, default));
        todos.Single(t => t.Title == "已逾期的意见建议").Count.ShouldBe(1);
        (await w.As(w.Unit1.User, sp => sp.GetRequiredService<SuggestionQueries>().GetAsync(late))).Overdue.ShouldBeTrue();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_edit_and_delete_a_suggestion_only_while_it_waits_for_assignment(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var activityId = await w.NewActivityAsync();
        var id = await w.RecordAsync(activityId);

        await w.Suggestions(w.Staff, h => h.UpdateAsync(id, new SuggestionInput { Title = "改后的标题", Content = "改后的内容", RaisedBy = "市交通运输局" }));
        var s = await w.SuggestionAsync(id);
        (s.Title, s.Content, s.RaisedBy, s.RaisedByMemberId).ShouldBe(("改后的标题", "改后的内容", "市交通运输局", (Guid?)null));

        var wrong = await w.RecordAsync(activityId, "录错的建议");
        await w.Suggestions(w.Staff, h => h.DeleteAsync(wrong));
        (await w.Read(d => d.ConsultationSuggestions.AnyAsync(x => x.Id == wrong))).ShouldBeFalse();

        await w.Suggestions(w.Staff, h => h.AssignAsync(id, w.Unit2.UnitId));
        (await Should.ThrowAsync<ConflictException>(w.Suggestions(w.Staff, h => h.UpdateAsync(id, w.Input()))))
            .Message.ShouldBe("只有待交办的意见建议可以修改。");
        (await Should.ThrowAsync<ConflictException>(w.Suggestions(w.Staff, h => h.DeleteAsync(id))))
            .Message.ShouldBe("只有待交办的意见建议可以删除。");
        (await Should.ThrowAsync<ConflictException>(w.Suggestions(w.Staff, h => h.AssignAsync(id, w.Unit1.UnitId))))
            .Message.ShouldBe("该意见建议已交办，不能重复交办。");
        (await w.SuggestionAsync(id)).HandlingUnitId.ShouldBe(w.Unit2.UnitId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_input_is_answered_in_chinese(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var activityId = await w.NewActivityAsync();

        var empty = await Should.ThrowAsync<ValidationFailedException>(w.Suggestions(w.Staff, h => h.RecordAsync(activityId, new SuggestionInput())));
        empty.Errors["Title"].ShouldBe(["标题不能为空。"]);
        empty.Errors["Content"].ShouldBe(["建议内容不能为空。"]);
        empty.Errors["RaisedBy"].ShouldBe(["请选择提出建议的委员或填写提出人。"]);

        var strangers = await Should.ThrowAsync<ValidationFailedException>(w.Suggestions(w.Staff, h => h.RecordAsync(activityId,
            new SuggestionInput { Title = new string('长', 101), Content = "内容", RaisedByMemberId = Guid.NewGuid() })));
        strangers.Errors["Title"].ShouldBe(["标题不能超过100个字符。"]);
        strangers.Errors["RaisedByMemberId"].ShouldBe(["所选委员不存在。"]);

        var id = await w.RecordAsync(activityId);
        (await Should.ThrowAsync<ValidationFailedException>(w.Suggestions(w.Staff, h => h.AssignAsync(id, null))))
            .Errors["HandlingUnitId"].ShouldBe(["请选择承办单位。"]);
        (await Should.ThrowAsync<ValidationFailedException>(w.Suggestions(w.Staff, h => h.AssignAsync(id, Guid.NewGuid()))))
            .Errors["HandlingUnitId"].ShouldBe(["所选承办单位不存在或已停用。"]);

        var draft = await w.NewActivityAsync(ActivityStatus.Draft);
        (await Should.ThrowAsync<ConflictException>(w.Suggestions(w.Staff, h => h.RecordAsync(draft, w.Input()))))
            .Message.ShouldBe("只能为已发布或已结束的活动登记意见建议。");

        await w.Suggestions(w.Staff, h => h.AssignAsync(id, w.Unit1.UnitId));
        await w.Suggestions(w.Unit1.User, h => h.AnswerAsync(id, SuggestionAnswer.Adopted, "采纳。"));
        (await Should.ThrowAsync<ValidationFailedException>(w.Suggestions(w.Staff, h => h.CloseAsync(id, " "))))
            .Errors["FollowUp"].ShouldBe(["请填写回头看情况。"]);
        (await Should.ThrowAsync<ConflictException>(w.Suggestions(w.Unit1.User, h => h.AnswerAsync(id, SuggestionAnswer.NotAdopted, "改主意了。"))))
            .Message.ShouldBe("该意见建议已答复，不能重复答复。");
    }
}
