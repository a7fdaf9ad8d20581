using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Results;

/// <summary>三微 微建言: a member raises one from the phone, staff handle it in one step (to a unit or
/// answered by the office) and close it, and the member reads the answers in 我的微建言.</summary>
public class MicroSuggestionTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_raises_a_micro_suggestion_staff_hand_it_to_a_unit_and_close_it_and_the_member_sees_the_answer(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();

        var id = await w.Suggestions(w.Member.User, h => h.RaiseMicroAsync(new MicroSuggestionInput { Title = "公交站台加装座椅", Content = "候车老人多，建议加装座椅。" }));
        var s = await w.SuggestionAsync(id);
        (s.Kind, s.Status, s.ActivityId, s.RaisedByMemberId, s.RaisedBy, s.CommitteeId)
            .ShouldBe((SuggestionKind.Micro, SuggestionStatus.Raised, (Guid?)null, (Guid?)w.Member.MemberId, w.Member.Name, w.Committee.Id));

        var staffList = await w.As(w.Staff, sp => sp.GetRequiredService<SuggestionQueries>().MicroForStaffAsync(new SuggestionFilter(SuggestionStatus.Raised), 1));
        staffList.Items.ShouldHaveSingleItem().Id.ShouldBe(id);

        await w.Suggestions(w.Staff, h => h.AssignAsync(id, w.Unit2.UnitId));
        await w.Suggestions(w.Unit2.User, h => h.AnswerAsync(id, SuggestionAnswer.Adopted, "已在市民广场站加装座椅 6 个。"));
        await w.Suggestions(w.Staff, h => h.CloseAsync(id, null));
        s = await w.SuggestionAsync(id);
        s.Status.ShouldBe(SuggestionStatus.Closed);
        s.FollowUp.ShouldBeNull();

        var mine = await w.As(w.Member.User, sp => sp.GetRequiredService<SuggestionQueries>().MyMicroAsync(1));
        var row = mine.Items.ShouldHaveSingleItem();
        (row.Id, row.Status, row.Answer, row.UnitName).ShouldBe((id, SuggestionStatus.Closed, (SuggestionAnswer?)SuggestionAnswer.Adopted, w.Unit2.Name));
        var answers = await w.As(w.Member.User, sp => sp.GetRequiredService<SuggestionQueries>().AnswersAsync([id]));
        answers[id].ShouldBe("已在市民广场站加装座椅 6 个。");
        (await w.As(w.Member2.User, sp => sp.GetRequiredService<SuggestionQueries>().MyMicroAsync(1))).Total.ShouldBe(0);

        // Delivery to the inboxes is SuggestionLifecycleTests' subject; here: who each step tells.
        var events = await w.EventsAsync(id);
        events.Select(e => e.Status).ShouldBe([SuggestionStatus.Assigned, SuggestionStatus.Answered, SuggestionStatus.Closed]);
        events[0].HandlingUnitId.ShouldBe(w.Unit2.UnitId);
        events.ShouldAllBe(e => e.RecipientMemberIds.Single() == w.Member.MemberId && e.CommitteeId == w.Committee.Id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_answers_a_micro_suggestion_itself_and_closes_it_in_one_step(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var id = await w.Suggestions(w.Member2.User, h => h.RaiseMicroAsync(new MicroSuggestionInput { Title = "开放日增加场次", Content = "建议每季度一次。" }));

        await w.Suggestions(w.Staff, h => h.AnswerAsOfficeAsync(id, SuggestionAnswer.Adopted, "下季度起每季度举办一次。"));

        var s = await w.SuggestionAsync(id);
        (s.Status, s.Answer, s.AnswerText, s.HandlingUnitId).ShouldBe((SuggestionStatus.Closed, (SuggestionAnswer?)SuggestionAnswer.Adopted, "下季度起每季度举办一次。", (Guid?)null));
        s.ClosedAt.ShouldNotBeNull();
        var told = (await w.EventsAsync(id)).ShouldHaveSingleItem();
        (told.Status, told.HandlingUnitId, told.RecipientMemberIds.Single()).ShouldBe((SuggestionStatus.Closed, (Guid?)null, w.Member2.MemberId));
        told.Summary.ShouldContain("政协办公室");

        var atActivity = await w.RecordAsync(await w.NewActivityAsync());
        (await Should.ThrowAsync<ConflictException>(w.Suggestions(w.Staff, h => h.AnswerAsOfficeAsync(atActivity, SuggestionAnswer.Adopted, "理由"))))
            .Message.ShouldBe("协商活动中的意见建议须交承办单位办理。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_empty_micro_suggestion_is_refused_in_chinese(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();

        var ex = await Should.ThrowAsync<ValidationFailedException>(w.Suggestions(w.Member.User, h => h.RaiseMicroAsync(new MicroSuggestionInput { Title = " ", Content = "" })));

        ex.Errors["Title"].ShouldBe(["标题不能为空。"]);
        ex.Errors["Content"].ShouldBe(["建言内容不能为空。"]);
        (await w.As(w.Member.User, sp => sp.GetRequiredService<SuggestionQueries>().MyMicroAsync(1))).Total.ShouldBe(0);
    }
}
