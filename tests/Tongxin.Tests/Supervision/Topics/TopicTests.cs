using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Topics;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using Tongxin.Tests.Supervision.Groups;

namespace Tongxin.Tests.Supervision.Topics;

/// <summary>专项民主监督: staff keep topics per year and move them 筹备中 → 进行中 → 已结束; a county joins
/// the city's open topic (三级联动) and the city's page rolls up both committees' figures.</summary>
public class TopicTests
{
    private static TopicHandler Topics(IServiceProvider sp) => sp.GetRequiredService<TopicHandler>();

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_create_edit_and_move_a_topic_forward_only_and_list_it_by_year(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var id = await w.TopicAsync(w.Staff, "优化营商环境专项监督");
        await w.As(w.Staff, sp => Topics(sp).CreateAsync(SupervisionWorld.Topic("去年的专项", year: 2025)));

        var input = await w.As(w.Staff, sp => Topics(sp).GetInputAsync(id));
        input.Title = "优化营商环境专项民主监督";
        await w.As(w.Staff, sp => Topics(sp).UpdateAsync(id, input));
        var stale = await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Topics(sp).UpdateAsync(id, input)));
        stale.Message.ShouldBe("该专项监督刚刚已被他人修改，请刷新后重试。");

        var version = (await w.As(w.Staff, sp => Topics(sp).DetailAsync(id))).Version;
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Topics(sp).MoveAsync(id, SupervisionTopicStatus.Concluded, version))))
            .Message.ShouldBe("专项监督筹备中，不能改为已结束。");
        await w.As(w.Staff, sp => Topics(sp).MoveAsync(id, SupervisionTopicStatus.Active, version));
        await w.As(w.Staff, sp => Topics(sp).MoveAsync(id, SupervisionTopicStatus.Concluded, version + 1));
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => Topics(sp).UpdateAsync(id, input))))
            .Message.ShouldBe("专项监督已结束，不能再修改。");

        var stored = await w.QueryAsync(d => d.SupervisionTopics.AsNoTracking().SingleAsync(t => t.Id == id));
        stored.ShouldSatisfyAllConditions(
            t => t.Title.ShouldBe("优化营商环境专项民主监督"),
            t => t.Status.ShouldBe(SupervisionTopicStatus.Concluded),
            t => t.CommitteeId.ShouldBe(w.City.Id),
            t => t.LeadLeader.ShouldBe("孙副主席"));
        var of2026 = await w.As(w.Staff, sp => Topics(sp).ListAsync(2026, 1));
        of2026.Items.Select(r => r.Title).ShouldBe(["优化营商环境专项民主监督"]);
        (await w.As(w.Staff, sp => Topics(sp).ListAsync(null, 1))).Total.ShouldBe(2);
        (await w.As(w.Staff, sp => Topics(sp).YearsAsync())).ShouldBe([2026, 2025]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_topic_input_is_explained_in_chinese(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var bad = new TopicInput { Year = 1999, Title = " ", LeadLeader = new string('长', 51), SpecialCommitteeId = Guid.NewGuid() };
        var invalid = await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => Topics(sp).CreateAsync(bad)));
        invalid.Errors["Year"].ShouldBe(["年度须在 2000 到 2027 之间。"]);
        invalid.Errors["Title"].ShouldBe(["监督题目不能为空。"]);
        invalid.Errors["LeadLeader"].ShouldBe(["牵头领导不能超过50个字符。"]);
        invalid.Errors["SpecialCommitteeId"].ShouldBe(["所选专委会不属于本级政协。"]);

        // The county has no lower committee to offer a topic to.
        var open = await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.CountyStaff, sp => Topics(sp).CreateAsync(SupervisionWorld.Topic("县级", open: true))));
        open.Errors["OpenForLinkage"].ShouldBe(["本级政协没有下级政协，不能开放联动。"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_county_joins_the_citys_open_topic_once_and_the_city_rolls_up_both_committees_figures(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var cityTopic = await w.TopicAsync(w.Staff, "城市专项", open: true);
        await w.TopicAsync(w.Staff, "未开放的专项");

        var linkable = await w.As(w.CountyStaff, sp => Topics(sp).LinkableAsync());
        linkable.Select(t => (t.Id, t.Title, t.JoinedTopicId)).ShouldBe([(cityTopic, "城市专项", null)]);
        var countyTopic = await w.As(w.CountyStaff, sp => Topics(sp).JoinAsync(cityTopic));
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.CountyStaff, sp => Topics(sp).JoinAsync(cityTopic))))
            .Message.ShouldBe("本级政协已加入该专项监督。");
        (await w.As(w.CountyStaff, sp => Topics(sp).LinkableAsync())).Single().JoinedTopicId.ShouldBe(countyTopic);
        var joined = await w.QueryAsync(d => d.SupervisionTopics.AsNoTracking().SingleAsync(t => t.Id == countyTopic));
        joined.ShouldSatisfyAllConditions(
            t => t.CommitteeId.ShouldBe(w.County.Id),
            t => t.ParentTopicId.ShouldBe(cityTopic),
            t => t.Title.ShouldBe("城市专项"),
            t => t.Status.ShouldBe(SupervisionTopicStatus.Draft));
        var parent = await w.As(w.CountyStaff, async sp => await Topics(sp).ParentAsync((await Topics(sp).DetailAsync(countyTopic)).ParentTopicId));
        parent!.Title.ShouldBe("城市专项");

        // Figures: the city's group has a held activity, an open activity (not counted), three problems
        // (one closed, one replied, one dismissed) and a sent letter; the county's group two problems.
        var cityGroup = await w.GroupAsync("城市小组", cityTopic, w.Member);
        var countyGroup = new SupervisorGroup { CommitteeId = w.County.Id, Name = "县小组", TopicId = countyTopic, Department = "县市场监管局" };
        var (held, heldLink) = SupervisionWorld.HeldActivity(w.City.Id, cityGroup, cityTopic);
        var (open, openLink) = SupervisionWorld.HeldActivity(w.City.Id, cityGroup, cityTopic, ActivityStatus.Published);
        await w.AddAsync(countyGroup, held, heldLink, open, openLink,
            SupervisionWorld.Problem(w.City.Id, cityGroup, cityTopic, 1, ProblemStatus.Closed),
            // A problem naming only its group counts for the group's topic.
            SupervisionWorld.Problem(w.City.Id, cityGroup, null, 2, ProblemStatus.Replied),
            SupervisionWorld.Problem(w.City.Id, cityGroup, cityTopic, 3, ProblemStatus.Dismissed),
            SupervisionWorld.Problem(w.County.Id, countyGroup.Id, countyTopic, 1, ProblemStatus.Assigned),
            SupervisionWorld.Problem(w.County.Id, countyGroup.Id, countyTopic, 2, ProblemStatus.Recorded),
            SupervisionWorld.Letter(w.City.Id, cityGroup, null, sent: true),
            SupervisionWorld.Letter(w.City.Id, cityGroup, cityTopic, sent: false));

        var rollup = await w.As(w.Staff, sp => sp.GetRequiredService<TopicRollup>().ForTopicAsync(cityTopic));
        rollup.Rows.Select(r => (r.CommitteeName, r.Depth, r.Figures)).ShouldBe([
            (w.City.Name, 0, new TopicFigures(1, 1, 2, 2, 2, 1, 1, 1)),
            (w.County.Name, 1, new TopicFigures(1, 0, 2, 1, 0, 0, 0, 0)),
        ]);
        rollup.Total.ShouldBe(new TopicFigures(2, 1, 4, 3, 2, 1, 1, 1));

        // The leader reads the roll-up too; a member does not.
        (await w.As(w.Leader, sp => sp.GetRequiredService<TopicRollup>().ForTopicAsync(cityTopic))).Total.ProblemsFound.ShouldBe(4);
        await Should.ThrowAsync<ForbiddenException>(() => w.As(w.Member, sp => sp.GetRequiredService<TopicRollup>().ForTopicAsync(cityTopic)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_closed_or_concluded_topic_cannot_be_joined_and_a_county_that_keeps_its_records_private_is_left_out_of_the_rollup(Db db)
    {
        var w = await SupervisionWorld.CreateAsync(await TestApp.SharedAsync(db));
        var closed = await w.TopicAsync(w.Staff, "未开放");
        await Should.ThrowAsync<ConflictException>(() => w.As(w.CountyStaff, sp => Topics(sp).JoinAsync(closed)));
        // Another committee's topic (not an ancestor) is not found at all.
        var stranger = await w.App.NewCommitteeAsync();
        var strangerStaff = await w.App.NewUserAsync(stranger, Tongxin.Platform.Accounts.Roles.Staff, [Tongxin.Platform.Accounts.Permissions.Supervision]);
        var foreign = await w.TopicAsync(strangerStaff, "外市专项", open: false);
        await Should.ThrowAsync<NotFoundException>(() => w.As(w.CountyStaff, sp => Topics(sp).JoinAsync(foreign)));

        var open = await w.TopicAsync(w.Staff, "开放专项", open: true);
        var privateCounty = await w.App.NewCommitteeAsync(parentId: w.City.Id, parentMayRead: false, level: Tongxin.Modules.Organization.CommitteeLevel.County);
        var privateStaff = await w.App.NewUserAsync(privateCounty, Tongxin.Platform.Accounts.Roles.Staff, [Tongxin.Platform.Accounts.Permissions.Supervision]);
        await w.As(privateStaff, sp => Topics(sp).JoinAsync(open));
        await w.As(w.CountyStaff, sp => Topics(sp).JoinAsync(open));
        var rollup = await w.As(w.Staff, sp => sp.GetRequiredService<TopicRollup>().ForTopicAsync(open));
        rollup.Rows.Select(r => r.CommitteeName).ShouldBe([w.City.Name, w.County.Name]);

        var version = (await w.As(w.Staff, sp => Topics(sp).DetailAsync(open))).Version;
        await w.As(w.Staff, sp => Topics(sp).MoveAsync(open, SupervisionTopicStatus.Active, version));
        await w.As(w.Staff, sp => Topics(sp).MoveAsync(open, SupervisionTopicStatus.Concluded, version + 1));
        (await w.As(privateStaff, sp => Topics(sp).LinkableAsync())).ShouldBeEmpty();
    }
}
