using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Groups;
using Tongxin.Modules.Supervision.Topics;
using Tongxin.Platform.Web;
using Tongxin.Tests.Consultation.Activities;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Groups;

/// <summary>Who may do what with topics, groups and supervision activities (DESIGN.md): every role
/// against every action on the city's records and on the county's, checked in the handlers.</summary>
public class AuthorizationMatrixTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Roles_against_topic_group_and_activity_actions_on_own_and_other_committees_records(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var topic = await w.TopicAsync(w.Staff, "矩阵专项");
        var group = await w.GroupAsync("矩阵小组", topic, w.Member);
        var third = await w.App.NewActivityMemberAsync(w.City, "李候选");
        var countyGroup = await w.As(w.CountyStaff, sp => sp.GetRequiredService<GroupHandler>().CreateAsync(
            new GroupInput { Name = "县小组", Department = "县市场监管局", TermStart = new DateOnly(2026, 1, 1), TermEnd = new DateOnly(2026, 12, 31) }));

        var actors = new (string Name, TestData.TestUser User)[]
        {
            ("监督工作人员", w.Staff), ("协商工作人员", w.ConsultationStaff), ("县监督工作人员", w.CountyStaff),
            ("组内委员", w.Member), ("组外委员", w.OtherMember), ("承办单位", w.Unit), ("领导", w.Leader),
        };
        var actions = new (string Name, Func<IServiceProvider, Task> Act)[]
        {
            ("新建专项", sp => sp.GetRequiredService<TopicHandler>().CreateAsync(SupervisionWorld.Topic("新专项"))),
            ("修改市专项", async sp =>
            {
                var h = sp.GetRequiredService<TopicHandler>();
                await h.UpdateAsync(topic, await h.GetInputAsync(topic));
            }),
            ("市专项汇总", sp => sp.GetRequiredService<TopicRollup>().ForTopicAsync(topic)),
            ("新建小组", sp => sp.GetRequiredService<GroupHandler>().CreateAsync(
                new GroupInput { Name = "新小组", Department = "某局", TermStart = new DateOnly(2026, 1, 1), TermEnd = new DateOnly(2026, 12, 31) })),
            ("增删市小组成员", async sp =>
            {
                var h = sp.GetRequiredService<GroupHandler>();
                await h.AddMemberAsync(group, third.Actor.MemberId!.Value, SupervisorRole.Member);
                var row = (await sp.GetRequiredService<GroupQueries>().MembersAsync(group)).Single(m => m.Name == "李候选");
                await h.RemoveMemberAsync(group, row.Id);
            }),
            ("查看市小组", sp => sp.GetRequiredService<GroupQueries>().DetailAsync(group)),
            ("市小组监督活动", sp => sp.GetRequiredService<SupervisionActivityHandler>().CreateAsync(group, SupervisionWorld.ActivityInput())),
            ("导出小组", async sp => await (await sp.GetRequiredService<GroupQueries>().ExportAsync(new GroupFilter())).DisposeAsync()),
            ("查看县小组", sp => sp.GetRequiredService<GroupQueries>().DetailAsync(countyGroup)),
            ("修改县小组", async sp =>
            {
                var h = sp.GetRequiredService<GroupHandler>();
                await h.UpdateAsync(countyGroup, await h.GetInputAsync(countyGroup));
            }),
        };

        var lines = new List<string>();
        foreach (var (action, act) in actions)
        {
            var cells = new List<string>();
            foreach (var (_, user) in actors)
            {
                cells.Add(await OutcomeAsync(() => w.As(user, act)));
            }

            lines.Add($"{action}: {string.Join(" ", cells)}");
        }

        // Columns: 监督工作人员 协商工作人员 县监督工作人员 组内委员 组外委员 承办单位 领导
        lines.ShouldBe([
            "新建专项: ok 403 ok 403 403 403 403",
            "修改市专项: ok 403 404 403 403 403 403",
            "市专项汇总: ok 403 404 403 403 403 ok",
            "新建小组: ok 403 ok 403 403 403 403",
            "增删市小组成员: ok 403 404 403 403 403 403",
            "查看市小组: ok 403 404 ok 404 403 403",
            "市小组监督活动: ok 403 404 403 403 403 403",
            "导出小组: ok 403 ok 403 403 403 403",
            "查看县小组: ok 403 ok 404 404 403 403",
            "修改县小组: 403 403 ok 403 403 403 403",
        ]);
    }

    private static async Task<string> OutcomeAsync(Func<Task> act)
    {
        try
        {
            await act();
            return "ok";
        }
        catch (ForbiddenException)
        {
            return "403";
        }
        catch (NotFoundException)
        {
            return "404";
        }
    }
}
