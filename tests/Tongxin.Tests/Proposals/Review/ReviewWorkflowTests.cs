using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Review;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Events;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;
using Xunit;

namespace Tongxin.Tests.Proposals.Review;

/// <summary>Staff review and assignment, reply review and the proposer's rating, as use cases.</summary>
public class ReviewWorkflowTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Filing_numbers_proposals_per_session_in_order_and_tells_the_proposer(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var a = await w.SubmittedAsync("关于甲的建议");
        var b = await w.SubmittedAsync("关于乙的建议");
        var c = await w.SubmittedAsync("关于丙的建议");

        (await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([b, a], "教科文卫体"))).ShouldBe([1, 2]);
        (await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([c]))).ShouldBe([3]);

        var pb = await w.ReadAsync(b);
        pb.Status.ShouldBe(ProposalStatus.Filed);
        pb.DisplayNumber.ShouldBe("第0001号");
        pb.Category.ShouldBe("教科文卫体");
        (await w.ReadAsync(c)).Category.ShouldBe("城市建设与管理");

        await app.DeliverEventsAsync();
        var inbox = await w.As(w.Member, sp => sp.GetRequiredService<NotificationService>().InboxAsync(1));
        inbox.Items.ShouldContain(n => n.Title == "提案已立案" && n.Body.Contains("《关于乙的建议》已立案（第0001号）"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Review_waits_for_open_co_sign_requests_and_refuses_a_category_outside_the_list(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var open = await w.SubmittedAsync(coSigners: [(w.Member2Id, SignerStatus.Pending, now.AddHours(2))]);
        var closed = await w.SubmittedAsync(coSigners: [(w.Member2Id, SignerStatus.Pending, now.AddHours(-1))]);

        var e = await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([open])));
        e.Message.ShouldContain("1位联名委员尚未确认");
        await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([closed], "不存在的类别")));
        (await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([closed]))).ShouldBe([1]);
        (await w.ReadAsync(open)).Status.ShouldBe(ProposalStatus.Submitted);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Not_filing_needs_a_listed_reason_and_keeps_the_text_returning_needs_a_note(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var a = await w.SubmittedAsync();
        var b = await w.SubmittedAsync();
        var h = (IServiceProvider sp) => sp.GetRequiredService<ProposalReviewHandler>();

        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => h(sp).NotFileAsync(a, "看着不顺眼", null))))
            .Errors.Keys.ShouldContain("reason");
        await w.As(w.Staff, sp => h(sp).NotFileAsync(a, "内容空泛、没有具体建议的", "建议补充具体措施后作为社情民意信息报送。"));
        var pa = await w.ReadAsync(a);
        pa.Status.ShouldBe(ProposalStatus.NotFiled);
        pa.NotFiledReason.ShouldBe("内容空泛、没有具体建议的");
        pa.Suggestions.ShouldNotBeEmpty();
        pa.Number.ShouldBeNull();

        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => h(sp).ReturnAsync(b, " ")))).Errors.Keys.ShouldContain("note");
        await w.As(w.Staff, sp => h(sp).ReturnAsync(b, "请补充现状数据。"));
        (await w.ReadAsync(b)).Status.ShouldBe(ProposalStatus.Returned);

        // The outcome is final: a second decision on the same proposal is refused in Chinese.
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => h(sp).FileAsync([a])))).Message.ShouldContain("不予立案");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Merging_keeps_both_proposals_and_both_proposers_rate_the_main_reply(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var main = await w.SubmittedAsync("关于推进老旧小区加装电梯的建议");
        var other = await w.SubmittedAsync("关于老旧住宅增设电梯的建议", leadMemberId: w.Member2Id);
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([main]));
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().MergeAsync(other, other, null))))
            .Errors.Keys.ShouldContain("mainId");
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().MergeAsync(other, main, "同一事项"));

        var merged = await w.ReadAsync(other);
        merged.Status.ShouldBe(ProposalStatus.Merged);
        merged.MergedIntoId.ShouldBe(main);
        merged.Title.ShouldBe("关于老旧住宅增设电梯的建议");

        // The second proposer reads the main proposal and, after the reply, rates it through their own.
        await AssignAndReplyAsync(w, main, "A");
        (await w.ReadAsync(main)).Status.ShouldBe(ProposalStatus.AwaitingRating);
        var detail = await w.As(w.Member2, sp => sp.GetRequiredService<ProposalDetailQuery>().GetAsync(main));
        detail.Replies.ShouldHaveSingleItem().Status.ShouldBe(ReplyStatus.Approved);

        await w.As(w.Member, sp => sp.GetRequiredService<ProposalRatingHandler>().RateAsync(main, Satisfied));
        (await w.ReadAsync(main)).Status.ShouldBe(ProposalStatus.AwaitingRating);
        await w.As(w.Member2, sp => sp.GetRequiredService<ProposalRatingHandler>().RateAsync(other, Satisfied));
        var done = await w.ReadAsync(main);
        done.Status.ShouldBe(ProposalStatus.Completed);
        var ratings = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ProposalRatings.Where(r => r.ProposalId == main).ToListAsync());
        ratings.Select(r => r.ForProposalId).ShouldBe([main, other], ignoreOrder: true);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Assignment_modes_are_validated_and_the_deadline_is_three_months_on_a_working_day(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var id = await w.SubmittedAsync();
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([id]));
        var h = (IServiceProvider sp) => sp.GetRequiredService<ProposalAssignmentHandler>();

        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => h(sp).AssignAsync(id, AssignmentMode.LeadWithCo, [new(w.UnitId, AssignmentRole.Lead)]))))
            .Message.ShouldContain("主办单位和至少一个协办单位");
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => h(sp).AssignAsync(id, AssignmentMode.Split, [new(w.UnitId, AssignmentRole.Split)]))))
            .Message.ShouldContain("至少两个");
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => h(sp).AssignAsync(id, AssignmentMode.Single, [new(Guid.NewGuid(), AssignmentRole.Single)]))))
            .Message.ShouldContain("承办单位");

        await w.As(w.Staff, sp => h(sp).AssignAsync(id, AssignmentMode.LeadWithCo, [new(w.UnitId, AssignmentRole.Lead), new(w.Unit2Id, AssignmentRole.Co)]));
        var p = await w.ReadAsync(id);
        p.Status.ShouldBe(ProposalStatus.Handling);
        // Assigned on Mon 2 March 2026: 2 June 2026 is a Tuesday and a working day.
        p.Deadline.ShouldBe(new DateOnly(2026, 6, 2));

        var parts = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ProposalAssignments.Where(x => x.ProposalId == id).ToListAsync());
        parts.Select(x => (x.HandlingUnitName, x.Role)).ShouldBe([("住房和城乡建设局", AssignmentRole.Lead), ("民政局", AssignmentRole.Co)], ignoreOrder: true);

        var lead = parts.Single(x => x.Role == AssignmentRole.Lead);
        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => h(sp).ExtendDeadlineAsync(lead.Id, new DateOnly(2026, 9, 3), "需协调多部门"))))
            .Message.ShouldContain("2026-09-02");
        await w.As(w.Staff, sp => h(sp).ExtendDeadlineAsync(lead.Id, new DateOnly(2026, 9, 2), "需协调多部门"));
        var changes = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ProposalDeadlineChanges.Where(x => x.ProposalId == id).ToListAsync());
        changes.ShouldHaveSingleItem().To.ShouldBe(new DateOnly(2026, 9, 2));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_return_request_is_refused_or_moved_to_another_unit(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var id = await w.SubmittedAsync();
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([id]));
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalAssignmentHandler>().AssignAsync(id, AssignmentMode.Single, [new(w.UnitId, AssignmentRole.Single)]));
        var partId = await RequestReturnAsync(w, id, w.UnitId);
        var h = (IServiceProvider sp) => sp.GetRequiredService<ProposalAssignmentHandler>();

        (await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => h(sp).DecideReturnAsync(partId, false, null, null)))).Errors.Keys.ShouldContain("note");
        await w.As(w.Staff, sp => h(sp).DecideReturnAsync(partId, false, null, "属于贵单位职责"));
        var refused = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ProposalAssignments.SingleAsync(x => x.Id == partId));
        refused.Status.ShouldBe(AssignmentStatus.Pending);
        refused.ReturnDecisionNote.ShouldBe("属于贵单位职责");

        await RequestReturnAsync(w, id, w.UnitId);
        await w.As(w.Staff, sp => h(sp).DecideReturnAsync(partId, true, w.Unit2Id, null));
        var parts = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ProposalAssignments.Where(x => x.ProposalId == id).ToListAsync());
        parts.Single(x => x.Id == partId).Status.ShouldBe(AssignmentStatus.Returned);
        parts.Single(x => x.Id != partId).ShouldSatisfyAllConditions(
            x => x.HandlingUnitId.ShouldBe(w.Unit2Id),
            x => x.Role.ShouldBe(AssignmentRole.Single),
            x => x.Status.ShouldBe(AssignmentStatus.Pending));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_unsatisfied_result_sends_it_back_for_a_second_reply_and_rating(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var id = await w.SubmittedAsync();
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([id]));
        await AssignAndReplyAsync(w, id, "B");

        // Only the lead proposer rates; a rating is refused to anyone else.
        await Should.ThrowAsync<NotFoundException>(() => w.As(w.Member2, sp => sp.GetRequiredService<ProposalRatingHandler>().RateAsync(id, Satisfied)));
        await w.As(w.Member, sp => sp.GetRequiredService<ProposalRatingHandler>().RateAsync(id,
            new RatingInput(Satisfaction.BasicallySatisfied, Satisfaction.Unsatisfied, OnPoint.Partly, "电话", "未解决实际问题")));
        var p = await w.ReadAsync(id);
        p.Status.ShouldBe(ProposalStatus.Handling);
        p.Round.ShouldBe(2);
        p.FirstRepliedAt.ShouldNotBeNull();

        await ReplyAsync(w, id, "A", round: 2);
        (await w.ReadAsync(id)).Status.ShouldBe(ProposalStatus.AwaitingRating);
        var state = await w.As(w.Member, sp => sp.GetRequiredService<ProposalRatingHandler>().StateAsync(id));
        state.CanRate.ShouldBeTrue();
        state.Round.ShouldBe(2);
        await w.As(w.Member, sp => sp.GetRequiredService<ProposalRatingHandler>().RateAsync(id, Satisfied));
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Member, sp => sp.GetRequiredService<ProposalRatingHandler>().RateAsync(id, Satisfied))))
            .Message.ShouldContain("已办结");
        var done = await w.ReadAsync(id);
        done.Status.ShouldBe(ProposalStatus.Completed);
        done.ReplyClass.ShouldBe("A");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_rejected_reply_goes_back_to_the_unit_with_the_note(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var id = await w.SubmittedAsync();
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([id]));
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalAssignmentHandler>().AssignAsync(id, AssignmentMode.Single, [new(w.UnitId, AssignmentRole.Single)]));
        var replyId = await SubmitReplyRowAsync(w, id, "B", 1);

        await Should.ThrowAsync<ValidationFailedException>(() => w.As(w.Staff, sp => sp.GetRequiredService<ReplyReviewHandler>().RejectAsync(replyId, "")));
        await w.As(w.Staff, sp => sp.GetRequiredService<ReplyReviewHandler>().RejectAsync(replyId, "未与提案人沟通"));
        var reply = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ProposalReplies.SingleAsync(r => r.Id == replyId));
        reply.Status.ShouldBe(ReplyStatus.Rejected);
        reply.ReviewNote.ShouldBe("未与提案人沟通");
        (await w.ReadAsync(id)).Status.ShouldBe(ProposalStatus.Handling);
        (await Should.ThrowAsync<ConflictException>(() => w.As(w.Staff, sp => sp.GetRequiredService<ReplyReviewHandler>().ApproveAsync(replyId))))
            .Message.ShouldContain("待审核");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_staff_assigning_at_once_one_wins_and_the_other_is_told(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var id = await w.SubmittedAsync();
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([id]));
        var staff2 = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Proposals]);

        var results = await Task.WhenAll(
            Attempt(() => w.As(w.Staff, sp => sp.GetRequiredService<ProposalAssignmentHandler>().AssignAsync(id, AssignmentMode.Single, [new(w.UnitId, AssignmentRole.Single)]))),
            Attempt(() => w.As(staff2, sp => sp.GetRequiredService<ProposalAssignmentHandler>().AssignAsync(id, AssignmentMode.Single, [new(w.Unit2Id, AssignmentRole.Single)]))));

        results.Count(r => r is null).ShouldBe(1);
        results.Single(r => r is not null).ShouldBeOfType<ConflictException>().Message.ShouldContain("刷新");
        var parts = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ProposalAssignments.Where(x => x.ProposalId == id).ToListAsync());
        parts.ShouldHaveSingleItem();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_unit_replying_while_staff_reassign_one_wins_and_the_other_is_told(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ReviewWorld.CreateAsync(app);
        var id = await w.SubmittedAsync();
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalReviewHandler>().FileAsync([id]));
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalAssignmentHandler>().AssignAsync(id, AssignmentMode.Single, [new(w.UnitId, AssignmentRole.Single)]));
        var replyId = await SubmitReplyRowAsync(w, id, "A", 1);
        var partId = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().ProposalAssignments.Where(x => x.ProposalId == id).Select(x => x.Id).SingleAsync());

        // Staff approve the reply while another staff member moves the unit: one wins.
        var staff2 = await app.NewUserAsync(w.Committee, Roles.Staff, [Permissions.Proposals]);
        var results = await Task.WhenAll(
            Attempt(() => w.As(w.Staff, sp => sp.GetRequiredService<ReplyReviewHandler>().ApproveAsync(replyId))),
            Attempt(() => w.As(staff2, sp => sp.GetRequiredService<ProposalAssignmentHandler>().ReassignAsync(partId, w.Unit2Id, "职责调整"))));

        results.Count(r => r is null).ShouldBe(1);
        results.Single(r => r is not null).ShouldBeOfType<ConflictException>();
    }

    private static readonly RatingInput Satisfied = new(Satisfaction.Satisfied, Satisfaction.Satisfied, OnPoint.OnPoint, "面谈", null);

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static async Task AssignAndReplyAsync(ReviewWorld w, Guid id, string replyClass)
    {
        await w.As(w.Staff, sp => sp.GetRequiredService<ProposalAssignmentHandler>().AssignAsync(id, AssignmentMode.Single, [new(w.UnitId, AssignmentRole.Single)]));
        await ReplyAsync(w, id, replyClass, 1);
    }

    /// <summary>The unit's side (its handlers are tested on their own) reduced to the rows it leaves, then staff pass the reply.</summary>
    private static async Task ReplyAsync(ReviewWorld w, Guid id, string replyClass, int round)
    {
        var replyId = await SubmitReplyRowAsync(w, id, replyClass, round);
        await w.As(w.Staff, sp => sp.GetRequiredService<ReplyReviewHandler>().ApproveAsync(replyId));
    }

    private static Task<Guid> SubmitReplyRowAsync(ReviewWorld w, Guid id, string replyClass, int round) =>
        w.App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var part = await db.ProposalAssignments.SingleAsync(x => x.ProposalId == id && x.Status != AssignmentStatus.Returned);
            part.Status = AssignmentStatus.Accepted;
            var reply = new ProposalReply
            {
                CommitteeId = part.CommitteeId,
                ProposalId = id,
                AssignmentId = part.Id,
                HandlingUnitName = part.HandlingUnitName,
                Round = round,
                Text = "经研究，答复如下……",
                Signer = "张局长",
                ReplyClass = replyClass,
                Status = ReplyStatus.Submitted,
                SubmittedAt = w.App.Clock.GetUtcNow().UtcDateTime,
            };
            reply.Items.Add(new ProposalReplyItem { CommitteeId = part.CommitteeId, ProposalId = id, Commitment = "年内完成加装电梯50台", ResponsibleUnit = part.HandlingUnitName });
            db.ProposalReplies.Add(reply);
            await db.SaveChangesAsync();
            return reply.Id;
        });

    private static Task<Guid> RequestReturnAsync(ReviewWorld w, Guid id, Guid unitId) =>
        w.App.AsAsync(Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var part = await db.ProposalAssignments.SingleAsync(x => x.ProposalId == id && x.HandlingUnitId == unitId);
            part.Status = AssignmentStatus.ReturnRequested;
            part.ReturnReason = "不属于本单位职责";
            part.ReturnRequestedAt = w.App.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
            return part.Id;
        });
}
