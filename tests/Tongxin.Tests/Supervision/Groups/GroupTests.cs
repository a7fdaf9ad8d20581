using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Groups;
using Tongxin.Platform.Web;
using Tongxin.Tests.Consultation.Activities;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Groups;

/// <summary>民主监督员小组: staff create a group for a key department, put members in it once with one
/// 组长, list the groups with their counts; members see their own groups.</summary>
public class GroupTests
{
    private static GroupHandler Groups(IServiceProvider sp) => sp.GetRequiredService<GroupHandler>();

    private static GroupQueries Queries(IServiceProvider sp) => sp.GetRequiredService<GroupQueries>();

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_create_a_group_for_a_unit_or_a_named_department_and_edit_it(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var topic = await w.TopicAsync(w.Staff, "营商环境");
        var id = await w.As(w.Staff, sp => Groups(sp).CreateAsync(w.Group("第一监督小组", topic)));
        var stored = await w.QueryAsync(d => d.SupervisorGroups.AsNoTracking().SingleAsync(g => g.Id == id));
        stored.ShouldSatisfyAllConditions(
            g => g.CommitteeId.ShouldBe(w.City.Id),
            g => g.HandlingUnitId.ShouldBe(w.UnitId),
            g => g.Department.ShouldBe("测试市场监管局"),
            g => g.TopicId.ShouldBe(topic),
            g => g.IsActive.ShouldBeTrue());

        var input = await w.As(w.Staff, sp => Groups(sp).GetInputAsync(id));
        input.HandlingUnitId = null;
        input.Department = "市税务局";
        input.IsActive = false;
        await w.As(w.Staff, sp => Groups(sp).UpdateAsync(id, input));
        stored = await w.QueryAsync(d => d.SupervisorGroups.AsNoTracking().SingleAsync(g => g.Id == id));
        (stored.HandlingUnitId, stored.Department, stored.IsActive).ShouldBe((null, "市税务局", false));
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Groups(sp).UpdateAsync(id, input))))
            .Message.ShouldBe(GroupHandler.ConcurrentMessage);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_group_input_is_explained_in_chinese(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var stranger = await w.App.NewCommitteeAsync();
        var strangerStaff = await w.App.NewUserAsync(stranger, Tongxin.Platform.Accounts.Roles.Staff, [Tongxin.Platform.Accounts.Permissions.Supervision]);
        var foreignTopic = await w.TopicAsync(strangerStaff, "外市专项");
        var bad = new GroupInput { Name = "", TopicId = foreignTopic, TermStart = new DateOnly(2026, 6, 1), TermEnd = new DateOnly(2026, 1, 1) };
        var invalid = await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Groups(sp).CreateAsync(bad)));
        invalid.Errors["Name"].ShouldBe(["小组名称不能为空。"]);
        invalid.Errors["Department"].ShouldBe(["请选择对口部门或填写部门名称。"]);
        invalid.Errors["TermEnd"].ShouldBe(["任期结束日期不能早于开始日期。"]);
        invalid.Errors["TopicId"].ShouldBe(["所选专项监督不属于本级政协。"]);

        var otherUnit = w.Group("乙组");
        otherUnit.HandlingUnitId = Guid.NewGuid();
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Groups(sp).CreateAsync(otherUnit))))
            .Errors["HandlingUnitId"].ShouldBe(["所选部门不是本级政协的承办单位。"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_is_in_a_group_once_the_group_has_one_leader_and_members_are_found_by_name(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.GroupAsync("第二监督小组", null, w.Member);
        var third = await w.App.NewActivityMemberAsync(w.City, "孙监督");

        (await w.As(w.Staff, sp => Queries(sp).CandidatesAsync(id, "监督"))).Select(c => c.Name).ShouldBe(["孙监督", "钱监督"], ignoreOrder: true);
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Groups(sp).AddMemberAsync(id, w.MemberId, SupervisorRole.Member))))
            .Message.ShouldBe("赵监督已在本小组中。");
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Groups(sp).AddMemberAsync(id, w.OtherMemberId, SupervisorRole.Leader))))
            .Errors["role"].ShouldBe(["本小组已有组长（赵监督），请先调整其职务。"]);
        // A member of another committee is not offered and not accepted.
        var countyMember = await w.App.NewActivityMemberAsync(w.County, "县委员");
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Groups(sp).AddMemberAsync(id, countyMember.Actor.MemberId!.Value, SupervisorRole.Member))))
            .Errors["memberId"].ShouldBe(["请选择本级政协的在任委员。"]);

        await w.As(w.Staff, sp => Groups(sp).AddMemberAsync(id, w.OtherMemberId, SupervisorRole.Deputy));
        await w.As(w.Staff, sp => Groups(sp).AddMemberAsync(id, third.Actor.MemberId!.Value, SupervisorRole.Member));
        var members = await w.As(w.Staff, sp => Queries(sp).MembersAsync(id));
        members.Select(m => (m.Name, m.Role)).ShouldBe([("赵监督", SupervisorRole.Leader), ("钱监督", SupervisorRole.Deputy), ("孙监督", SupervisorRole.Member)]);

        var leader = members[0].Id;
        await w.As(w.Staff, sp => Groups(sp).ChangeRoleAsync(id, leader, SupervisorRole.Member));
        await w.As(w.Staff, sp => Groups(sp).ChangeRoleAsync(id, members[1].Id, SupervisorRole.Leader));
        await w.As(w.Staff, sp => Groups(sp).RemoveMemberAsync(id, members[2].Id));
        (await w.As(w.Staff, sp => Queries(sp).MembersAsync(id))).Select(m => (m.Name, m.Role))
            .ShouldBe([("钱监督", SupervisorRole.Leader), ("赵监督", SupervisorRole.Member)]);
        (await w.As(w.Staff, sp => Queries(sp).CandidatesAsync(id, "孙"))).Select(c => c.Name).ShouldBe(["孙监督"]);

        var mine = await w.As(w.OtherMember, sp => Queries(sp).MineAsync());
        mine.Select(g => (g.Name, g.Role, g.Members)).ShouldBe([("第二监督小组", SupervisorRole.Leader, 2)]);
        (await w.As(third, sp => Queries(sp).MineAsync())).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_list_shows_member_and_activity_counts_and_filters_by_topic_and_state(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var topic = await w.TopicAsync(w.Staff, "专项甲");
        var first = await w.GroupAsync("甲组", topic, w.Member, w.OtherMember);
        var second = await w.GroupAsync("乙组", null, w.Member);
        var (held, link) = SupervisionWorld.HeldActivity(w.City.Id, first, topic);
        var (cancelled, cancelledLink) = SupervisionWorld.HeldActivity(w.City.Id, first, topic, Tongxin.Modules.Consultation.ActivityStatus.Cancelled);
        await w.AddAsync(held, link, cancelled, cancelledLink);

        var all = await w.As(w.Staff, sp => Queries(sp).ListAsync(new GroupFilter(), 1));
        all.Items.Select(r => (r.Name, r.Members, r.Activities, r.Topic)).ShouldBe([("乙组", 1, 0, null), ("甲组", 2, 1, "2026年 专项甲")]);
        (await w.As(w.Staff, sp => Queries(sp).ListAsync(new GroupFilter { TopicId = topic }, 1))).Items.Select(r => r.Id).ShouldBe([first]);
        (await w.As(w.Staff, sp => Queries(sp).ListAsync(new GroupFilter { Q = "乙" }, 1))).Items.Select(r => r.Id).ShouldBe([second]);
        (await w.As(w.Staff, sp => Queries(sp).ListAsync(new GroupFilter { Active = false }, 1))).Total.ShouldBe(0);
        // The county's staff do not list the city's groups.
        (await w.As(w.CountyStaff, sp => Queries(sp).ListAsync(new GroupFilter(), 1))).Total.ShouldBe(0);
    }
}
