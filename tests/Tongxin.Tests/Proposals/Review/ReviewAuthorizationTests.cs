using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Review;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using Xunit;

namespace Tongxin.Tests.Proposals.Review;

/// <summary>Role × action × own/other committee for every staff action and for rating: refused
/// exactly where it should be (403 for the wrong role, 404 where the proposal is not visible),
/// and a refused attempt changes nothing.</summary>
public class ReviewAuthorizationTests
{
    private delegate Task StaffAction(IServiceProvider sp, Guid proposalId, Guid partId, Guid replyId, ReviewWorld w);

    private static readonly Dictionary<string, (ProposalStatus Needs, StaffAction Act)> Actions = new()
    {
        ["立案"] = (ProposalStatus.Submitted, (sp, id, _, _, _) => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([id])),
        ["不予立案"] = (ProposalStatus.Submitted, (sp, id, _, _, _) => sp.GetRequiredService<ProposalReviewHandler>().NotFileAsync(id, "属于学术探讨的", null)),
        ["退回修改"] = (ProposalStatus.Submitted, (sp, id, _, _, _) => sp.GetRequiredService<ProposalReviewHandler>().ReturnAsync(id, "请补充")),
        ["标记重点"] = (ProposalStatus.Filed, (sp, id, _, _, _) => sp.GetRequiredService<ProposalReviewHandler>().MarkAsync(id, true, false, "张主席", null)),
        ["优秀提案"] = (ProposalStatus.Filed, (sp, id, _, _, _) => sp.GetRequiredService<ProposalReviewHandler>().SetExcellentAsync(id, true)),
        ["交办"] = (ProposalStatus.Filed, (sp, id, _, _, w) => sp.GetRequiredService<ProposalAssignmentHandler>().AssignAsync(id, AssignmentMode.Single, [new(w.UnitId, AssignmentRole.Single)])),
        ["调整单位"] = (ProposalStatus.Handling, (sp, _, part, _, w) => sp.GetRequiredService<ProposalAssignmentHandler>().ReassignAsync(part, w.Unit2Id, "职责调整")),
        ["延期"] = (ProposalStatus.Handling, (sp, _, part, _, _) => sp.GetRequiredService<ProposalAssignmentHandler>().ExtendDeadlineAsync(part, new DateOnly(2026, 7, 1), "需调研")),
        ["审核通过答复"] = (ProposalStatus.Handling, (sp, _, _, reply, _) => sp.GetRequiredService<ReplyReviewHandler>().ApproveAsync(reply)),
        ["驳回答复"] = (ProposalStatus.Handling, (sp, _, _, reply, _) => sp.GetRequiredService<ReplyReviewHandler>().RejectAsync(reply, "请补充")),
    };

    public static TheoryData<Db, string> Cases()
    {
        var data = new TheoryData<Db, string>();
        foreach (var db in Enum.GetValues<Db>())
        {
            foreach (var name in Actions.Keys)
            {
                data.Add(db, name);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Only_proposal_staff_of_the_committee_may_act(Db db, string action)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var county = await app.NewCommitteeAsync(w.Committee.Id, parentMayRead: true, level: Modules.Organization.CommitteeLevel.County);
        var countyStaff = await app.NewUserAsync(county, Roles.Staff, [Permissions.Proposals]);
        var (needs, act) = Actions[action];
        var (id, part, reply) = await ArrangeAsync(w, needs);
        var before = await w.ReadAsync(id);

        var denied = new (TestData.TestUser User, Type Expected)[]
        {
            (w.Member, typeof(ForbiddenException)),
            (w.Member2, typeof(ForbiddenException)),
            (w.Unit, typeof(ForbiddenException)),
            (w.Leader, typeof(ForbiddenException)),
            (w.StaffWithoutPermission, typeof(ForbiddenException)),
            (countyStaff, typeof(NotFoundException)),
        };
        foreach (var (user, expected) in denied)
        {
            var e = await Should.ThrowAsync<Exception>(() => w.As(user, sp => act(sp, id, part, reply, w)), $"{user.Role} {action}");
            e.GetType().ShouldBe(expected, $"{user.UserName}（{user.Role}）{action}");
        }

        await Should.ThrowAsync<Exception>(() => app.AsAsync(Actor.Anonymous("127.0.0.1"), sp => act(sp, id, part, reply, w)));
        (await w.ReadAsync(id)).Version.ShouldBe(before.Version, $"拒绝的{action}不应改变提案");

        await w.As(w.Staff, sp => act(sp, id, part, reply, w));
        (await w.ReadAsync(id)).Version.ShouldBeGreaterThan(before.Version);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task City_staff_may_read_a_county_proposal_they_were_granted_but_not_act_on_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var city = await ReviewWorld.CreateAsync(app);
        var county = await ReviewWorld.CreateAsync(app, parentId: city.Committee.Id);
        await app.AsAsync(Actor.System, async sp =>
        {
            var ctx = sp.GetRequiredService<TongxinDbContext>();
            (await ctx.Committees.SingleAsync(c => c.Id == county.Committee.Id)).ParentMayRead = true;
            await ctx.SaveChangesAsync();
            sp.GetRequiredService<CommitteeTree>().Invalidate();
        });
        var cityStaff = await app.NewUserAsync(city.Committee, Roles.Staff, [Permissions.Proposals]);
        var id = await county.SubmittedAsync();

        var detail = await app.AsAsync(cityStaff.Actor, sp => sp.GetRequiredService<ProposalDetailQuery>().GetAsync(id));
        detail.Proposal.Title.ShouldNotBeEmpty();
        detail.Viewer.CanManage.ShouldBeFalse();
        (await Should.ThrowAsync<ForbiddenException>(() => app.AsAsync(cityStaff.Actor, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([id]))))
            .Message.ShouldContain("本级政协");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Proposal_visibility_follows_the_role(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var id = await w.SubmittedAsync();
        var (assignedId, _, _) = await ArrangeAsync(w, ProposalStatus.Handling);
        Task<ProposalDetail> Read(TestData.TestUser u, Guid pid) => w.As(u, sp => sp.GetRequiredService<ProposalDetailQuery>().GetAsync(pid));

        (await Read(w.Member, id)).Viewer.IsLeadProposer.ShouldBeTrue();
        await Should.ThrowAsync<NotFoundException>(() => Read(w.Member2, id));
        (await Read(w.Staff, id)).Viewer.CanManage.ShouldBeTrue();
        await Should.ThrowAsync<NotFoundException>(() => Read(w.StaffWithoutPermission, id));
        (await Read(w.Leader, id)).Viewer.IsLeader.ShouldBeTrue();
        await Should.ThrowAsync<NotFoundException>(() => Read(w.Unit, id));
        (await Read(w.Unit, assignedId)).Viewer.UnitId.ShouldBe(w.UnitId);
        await Should.ThrowAsync<NotFoundException>(() => Read(w.Unit2, assignedId));
        await Should.ThrowAsync<NotFoundException>(() => app.AsAsync(Actor.Anonymous("127.0.0.1"), sp => sp.GetRequiredService<ProposalDetailQuery>().GetAsync(id)));

        // A reply under review stays between the unit and staff.
        var replies = (await Read(w.Member, assignedId)).Replies;
        replies.ShouldBeEmpty();
        (await Read(w.Unit, assignedId)).Replies.ShouldHaveSingleItem().Status.ShouldBe(ReplyStatus.Submitted);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_proposal_staff_change_the_settings(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var input = await w.As(w.Staff, sp => sp.GetRequiredService<ProposalSettingsHandler>().GetAsync());
        input.ReturnRequestWorkingDays.ShouldBe(5);
        input.NotFiledReasons.Split('\n').Length.ShouldBe(10);
        foreach (var user in new[] { w.Member, w.Unit, w.Leader, w.StaffWithoutPermission })
        {
            await Should.ThrowAsync<ForbiddenException>(() => w.As(user, sp => sp.GetRequiredService<ProposalSettingsHandler>().SaveAsync(input)));
        }

        input.ReturnRequestWorkingDays = 11;
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => sp.GetRequiredService<ProposalSettingsHandler>().SaveAsync(input))))
            .Errors.Keys.ShouldContain(nameof(ProposalSettingsInput.ReturnRequestWorkingDays));
        input.ReturnRequestWorkingDays = 7;
        input.Categories = "经济\n社会";
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalSettingsHandler>().SaveAsync(input));
        var saved = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<ProposalSettingsStore>().GetAsync(w.Committee.Id));
        saved.ReturnRequestWorkingDays.ShouldBe(7);
        saved.CategoryList.ShouldBe(["经济", "社会"]);
    }

    /// <summary>A proposal in the given status, with (for Handling) a single assignment and a reply waiting for review.</summary>
    private static async Task<(Guid Id, Guid PartId, Guid ReplyId)> ArrangeAsync(ReviewWorld w, ProposalStatus status)
    {
        var id = await w.SubmittedAsync();
        if (status == ProposalStatus.Submitted)
        {
            return (id, Guid.Empty, Guid.Empty);
        }

        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([id]));
        if (status == ProposalStatus.Filed)
        {
            return (id, Guid.Empty, Guid.Empty);
        }

        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalAssignmentHandler>().AssignAsync(id, AssignmentMode.Single, [new(w.UnitId, AssignmentRole.Single)]));
        return await w.App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var part = await db.ProposalAssignments.SingleAsync(x => x.ProposalId == id);
            part.Status = AssignmentStatus.Accepted;
            var reply = new ProposalReply
            {
                CommitteeId = part.CommitteeId,
                ProposalId = id,
                AssignmentId = part.Id,
                HandlingUnitName = part.HandlingUnitName,
                Round = 1,
                Text = "答复正文",
                Signer = "张局长",
                ReplyClass = "B",
                Status = ReplyStatus.Submitted,
                SubmittedAt = w.App.Clock.GetUtcNow().UtcDateTime,
            };
            db.ProposalReplies.Add(reply);
            await db.SaveChangesAsync();
            return (id, part.Id, reply.Id);
        });
    }
}
