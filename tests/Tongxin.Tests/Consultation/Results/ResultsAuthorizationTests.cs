using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Results;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Results;

/// <summary>Who may do what in the results loop, checked in the handlers: role × action × own or
/// another committee's record, and a unit's own suggestion against another unit's.</summary>
public class ResultsAuthorizationTests
{
    private static readonly Type F = typeof(ForbiddenException);
    private static readonly Type N = typeof(NotFoundException);

    [Theory, ClassData(typeof(Databases))]
    public async Task Everyone_but_the_right_role_of_the_right_committee_is_refused_every_action_and_nothing_changes(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var activityId = await w.NewActivityAsync();
        var raised = await w.RecordAsync(activityId, "待交办");
        var assigned = await w.RecordAsync(activityId, "办理中");
        await w.Suggestions(w.Staff, h => h.AssignAsync(assigned, w.Unit1.UnitId));
        var answered = await w.AnsweredAsync(activityId, SuggestionAnswer.Adopted, "已答复");
        await w.Minutes(w.Staff, h => h.SaveTextAsync(activityId, "纪要"));
        await w.Minutes(w.Staff, h => h.SendAsync(activityId));

        var actions = new Dictionary<string, Func<IServiceProvider, Task>>
        {
            ["登记"] = sp => sp.GetRequiredService<SuggestionHandler>().RecordAsync(activityId, w.Input("越权登记")),
            ["交办"] = sp => sp.GetRequiredService<SuggestionHandler>().AssignAsync(raised, w.Unit1.UnitId),
            ["答复"] = sp => sp.GetRequiredService<SuggestionHandler>().AnswerAsync(assigned, SuggestionAnswer.NotAdopted, "越权答复"),
            ["回头看办结"] = sp => sp.GetRequiredService<SuggestionHandler>().CloseAsync(answered, "越权办结"),
            ["阅批"] = sp => sp.GetRequiredService<MinutesHandler>().ReadAsync(activityId, "越权阅批"),
            ["查看建议"] = sp => sp.GetRequiredService<SuggestionQueries>().GetAsync(assigned),
            ["查看纪要"] = sp => sp.GetRequiredService<MinutesHandler>().GetAsync(activityId),
        };
        var denied = new (string Who, TestData.TestUser User, (string Action, Type Expected)[] Cases)[]
        {
            ("委员（提出人）", w.Member.User, [("登记", F), ("交办", F), ("答复", F), ("回头看办结", F), ("阅批", F), ("查看纪要", F)]),
            ("其他委员", w.Member2.User, [("查看建议", F), ("答复", F)]),
            ("无协商权限的工作人员", w.StaffWithoutPermission, [("登记", F), ("交办", F), ("答复", F), ("回头看办结", F), ("阅批", F), ("查看建议", F), ("查看纪要", F)]),
            ("协商工作人员", w.Staff, [("答复", F), ("阅批", F)]),
            ("其他政协的协商工作人员", w.OtherStaff, [("登记", N), ("交办", N), ("答复", F), ("回头看办结", N), ("阅批", F), ("查看建议", N), ("查看纪要", N)]),
            ("承办单位（本单位）", w.Unit1.User, [("登记", F), ("交办", F), ("回头看办结", F), ("阅批", F), ("查看纪要", F)]),
            ("其他承办单位", w.Unit2.User, [("登记", F), ("交办", F), ("答复", F), ("回头看办结", F), ("阅批", F), ("查看建议", F), ("查看纪要", F)]),
            ("领导", w.Leader, [("登记", F), ("交办", F), ("答复", F), ("回头看办结", F)]),
            ("其他政协的领导", w.OtherLeader, [("阅批", N), ("查看建议", N), ("查看纪要", N)]),
        };

        foreach (var (who, user, cases) in denied)
        {
            foreach (var (action, expected) in cases)
            {
                var thrown = await Should.ThrowAsync<DomainException>(w.As(user, actions[action]), $"{who} {action}");
                thrown.GetType().ShouldBe(expected, $"{who} {action}");
            }
        }

        (await w.Read(d => d.ConsultationSuggestions.CountAsync(s => s.ActivityId == activityId))).ShouldBe(3);
        (await w.SuggestionAsync(raised)).Status.ShouldBe(SuggestionStatus.Raised);
        (await w.SuggestionAsync(assigned)).Answer.ShouldBeNull();
        (await w.SuggestionAsync(answered)).Status.ShouldBe(SuggestionStatus.Answered);
        (await w.Read(d => d.MinutesReadings.CountAsync(r => r.CommitteeId == w.Committee.Id))).ShouldBe(0);

        // The right people may: a unit its own, the raiser and the committee's leader may read.
        await w.As(w.Member.User, actions["查看建议"]);
        await w.As(w.Leader, actions["查看建议"]);
        await w.As(w.Leader, actions["查看纪要"]);
        await w.As(w.Unit1.User, actions["查看建议"]);
        await w.As(w.Staff, actions["登记"]);
        await w.As(w.Staff, actions["交办"]);
        await w.As(w.Unit1.User, actions["答复"]);
        await w.As(w.Staff, actions["回头看办结"]);
        await w.As(w.Leader, actions["阅批"]);
        (await w.SuggestionAsync(raised)).Status.ShouldBe(SuggestionStatus.Assigned);
        (await w.SuggestionAsync(assigned)).Answer.ShouldBe(SuggestionAnswer.NotAdopted);
        (await w.SuggestionAsync(answered)).Status.ShouldBe(SuggestionStatus.Closed);
        (await w.Read(d => d.MinutesReadings.CountAsync(r => r.CommitteeId == w.Committee.Id))).ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_members_raise_micro_suggestions_and_lists_are_only_for_their_owners(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewResultsWorldAsync();
        var input = new MicroSuggestionInput { Title = "标题", Content = "内容" };

        foreach (var user in new[] { w.Staff, w.Unit1.User, w.Leader })
        {
            await Should.ThrowAsync<ForbiddenException>(w.Suggestions(user, h => h.RaiseMicroAsync(input)));
            await Should.ThrowAsync<ForbiddenException>(w.As(user, sp => sp.GetRequiredService<SuggestionQueries>().MyMicroAsync(1)));
        }

        foreach (var user in new[] { w.Member.User, w.StaffWithoutPermission, w.Unit1.User, w.Leader })
        {
            await Should.ThrowAsync<ForbiddenException>(w.As(user, sp => sp.GetRequiredService<SuggestionQueries>().MicroForStaffAsync(new SuggestionFilter(), 1)));
            await Should.ThrowAsync<ForbiddenException>(w.As(user, sp => sp.GetRequiredService<MinutesList>().ListAsync(false, 1)));
        }

        foreach (var user in new[] { w.Member.User, w.Staff, w.Leader })
        {
            await Should.ThrowAsync<ForbiddenException>(w.As(user, sp => sp.GetRequiredService<SuggestionQueries>().ForUnitAsync(new SuggestionFilter(), 1)));
        }

        var micro = await w.Suggestions(w.Member.User, h => h.RaiseMicroAsync(input));
        (await Should.ThrowAsync<ForbiddenException>(w.Suggestions(w.Member.User, h => h.AnswerAsOfficeAsync(micro, SuggestionAnswer.Adopted, "自答"))))
            .Message.ShouldBe("只有具有协商议政管理权限的工作人员可以执行此操作。");
        await Should.ThrowAsync<NotFoundException>(w.Suggestions(w.OtherStaff, h => h.AnswerAsOfficeAsync(micro, SuggestionAnswer.Adopted, "越权")));
        (await w.SuggestionAsync(micro)).Status.ShouldBe(SuggestionStatus.Raised);
    }
}
