using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Handling;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Proposals.Handling;

public class UnitHandlingTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_unit_accepts_an_assigned_proposal_once(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewSingleAsync(w);

        await app.AsUnitAsync(w.Unit1.Actor, h => h.AcceptAsync(id));

        var a = await app.ReadAsync(d => d.ProposalAssignments.SingleAsync(x => x.ProposalId == id));
        a.Status.ShouldBe(AssignmentStatus.Accepted);
        a.AcceptedAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
        var history = await app.ReadAsync(d => d.ProposalHistory.Where(h => h.ProposalId == id).ToListAsync());
        history.ShouldHaveSingleItem().Kind.ShouldBe(ProposalEventKind.Accepted);
        var events = await app.ReadAsync(d => d.OutboxMessages.Where(m => m.Type == nameof(ProposalChanged) && m.Payload.Contains(id.ToString())).CountAsync());
        events.ShouldBe(1);
        var again = await Should.ThrowAsync<ConflictException>(app.AsUnitAsync(w.Unit1.Actor, h => h.AcceptAsync(id)));
        again.Message.ShouldContain("无需签收");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_return_request_needs_a_reason_and_waits_for_staff(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewSingleAsync(w);

        var blank = await Should.ThrowAsync<ValidationFailedException>(app.AsUnitAsync(w.Unit1.Actor, h => h.RequestReturnAsync(id, new ReturnRequestInput { Reason = "  " })));
        blank.Errors[nameof(ReturnRequestInput.Reason)].ShouldContain("退回理由不能为空。");
        await app.AsUnitAsync(w.Unit1.Actor, h => h.RequestReturnAsync(id, new ReturnRequestInput { Reason = "电梯加装补贴由财政局负责。" }));

        var a = await app.ReadAsync(d => d.ProposalAssignments.SingleAsync(x => x.ProposalId == id));
        a.Status.ShouldBe(AssignmentStatus.ReturnRequested);
        a.ReturnReason.ShouldBe("电梯加装补贴由财政局负责。");
        var view = await app.ViewAsync(w.Unit1.Actor, id);
        view.Mine.CanRequestReturn.ShouldBeFalse();
        view.Mine.CanWork.ShouldBeFalse();
        var contact = await Should.ThrowAsync<ConflictException>(app.AsUnitAsync(w.Unit1.Actor, h => h.AddContactAsync(id, app.Phone())));
        contact.Message.ShouldContain("退回申请正在审核");

        await app.StaffRefuseReturnAsync(id, "该事项主要由住建部门负责，请继续办理。");
        var refused = await app.ViewAsync(w.Unit1.Actor, id);
        refused.Mine.ReturnDecisionNote.ShouldBe("该事项主要由住建部门负责，请继续办理。");
        refused.Mine.CanRequestReturn.ShouldBeFalse();
        refused.Mine.CanWork.ShouldBeTrue();
        var again = await Should.ThrowAsync<ConflictException>(app.AsUnitAsync(w.Unit1.Actor, h => h.RequestReturnAsync(id, new ReturnRequestInput { Reason = "再次申请。" })));
        again.Message.ShouldBe("本单位的退回申请已被提案委拒绝，不能再次申请，请继续办理。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_return_window_counts_working_days_across_the_May_holiday(Db db)
    {
        // Assigned Wednesday 29 April 2026. 1–5 May are off and Saturday 9 May is a make-up working day,
        // so the fifth working day is 9 May (counting weekdays alone would end on 6 May).
        var assigned = new DateTimeOffset(2026, 4, 29, 9, 0, 0, TimeSpan.FromHours(8));
        await using var app = await TestApp.CreateIsolatedAsync(db, now: assigned);
        var w = await app.NewHandlingWorldAsync();
        var onTime = await app.NewSingleAsync(w);
        var late = await app.NewSingleAsync(w);
        (await app.ViewAsync(w.Unit1.Actor, onTime)).Mine.ReturnWindowEnd.ShouldBe(new DateOnly(2026, 5, 9));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 9, 17, 0, 0, TimeSpan.FromHours(8)));
        await app.AsUnitAsync(w.Unit1.Actor, h => h.RequestReturnAsync(onTime, new ReturnRequestInput { Reason = "不属于本单位职责。" }));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 11, 9, 0, 0, TimeSpan.FromHours(8)));
        var refused = await Should.ThrowAsync<ValidationFailedException>(
            app.AsUnitAsync(w.Unit1.Actor, h => h.RequestReturnAsync(late, new ReturnRequestInput { Reason = "不属于本单位职责。" })));
        refused.Message.ShouldBe("申请退回须在交办后5个工作日内提出（截至2026年5月9日），已超过期限。如确需调整，请与提案委联系。");
        (await app.ReadAsync(d => d.ProposalAssignments.Where(x => x.ProposalId == onTime || x.ProposalId == late).OrderBy(x => x.ProposalId == late).Select(x => x.Status).ToListAsync()))
            .ShouldBe([AssignmentStatus.ReturnRequested, AssignmentStatus.Pending]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Contacts_are_logged_with_a_date_that_is_not_in_the_future(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewSingleAsync(w, AssignmentStatus.Accepted);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));

        var future = await Should.ThrowAsync<ValidationFailedException>(app.AsUnitAsync(w.Unit1.Actor,
            h => h.AddContactAsync(id, new ContactInput { Method = ContactMethod.FaceToFace, Date = today.AddDays(1), Notes = "面谈" })));
        future.Errors[nameof(ContactInput.Date)].ShouldContain("联系日期不能晚于今天。");
        await app.AsUnitAsync(w.Unit1.Actor, h => h.AddContactAsync(id, new ContactInput { Method = ContactMethod.FaceToFace, Date = today.AddDays(-3), Notes = "到提案人单位面商。" }));
        await app.AsUnitAsync(w.Unit1.Actor, h => h.AddContactAsync(id, new ContactInput { Method = ContactMethod.NotContacted, Date = today }));

        var view = await app.ViewAsync(w.Unit1.Actor, id);
        view.Contacts.Select(c => (c.Method, c.Date, c.UnitName)).ShouldBe(
            [(ContactMethod.NotContacted, today, w.Unit1.Name), (ContactMethod.FaceToFace, today.AddDays(-3), w.Unit1.Name)]);
        view.Timeline.Count(t => t.Kind == ProposalEventKind.Contacted).ShouldBe(2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_reply_is_submitted_only_after_a_contact_was_logged(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewSingleAsync(w, AssignmentStatus.Accepted);

        var refused = await Should.ThrowAsync<ValidationFailedException>(app.AsUnitAsync(w.Unit1.Actor, h => h.SaveReplyAsync(id, HandlingTestData.ClassB(), submit: true)));
        refused.Errors[""].ShouldContain("提交答复前须先与提案人联系，并登记联系情况（办前/办中面商）。");
        (await app.ReadAsync(d => d.ProposalReplies.CountAsync(r => r.ProposalId == id))).ShouldBe(0);

        await app.ContactAndSubmitAsync(w.Unit1, id);

        var reply = await app.ReadAsync(d => d.ProposalReplies.Include(r => r.Items).SingleAsync(r => r.ProposalId == id));
        reply.Status.ShouldBe(ReplyStatus.Submitted);
        reply.Round.ShouldBe(1);
        reply.ReplyClass.ShouldBe("B");
        reply.Signer.ShouldBe("李局长");
        reply.Items.OrderBy(i => i.Order).Select(i => i.Commitment).ShouldBe(["第1项：年内完成10台电梯加装", "第2项：年内完成20台电梯加装"]);
        (await app.ReadAsync(d => d.ProposalAssignments.SingleAsync(a => a.ProposalId == id))).Status.ShouldBe(AssignmentStatus.Replied);
        var edit = await Should.ThrowAsync<ConflictException>(app.AsUnitAsync(w.Unit1.Actor, h => h.SaveReplyAsync(id, HandlingTestData.ClassB(1), submit: false)));
        edit.Message.ShouldBe("答复已提交审核，审核结果出来前不能修改。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_draft_saves_partial_work_but_submitting_checks_every_field_in_chinese(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewSingleAsync(w, AssignmentStatus.Accepted);
        await app.AsUnitAsync(w.Unit1.Actor, h => h.AddContactAsync(id, app.Phone()));

        await app.AsUnitAsync(w.Unit1.Actor, h => h.SaveReplyAsync(id, new ReplyInput { Text = "初稿", Items = [new ReplyItemInput(), new ReplyItemInput()] }, submit: false));
        var draft = await app.ReadAsync(d => d.ProposalReplies.Include(r => r.Items).SingleAsync(r => r.ProposalId == id));
        draft.Status.ShouldBe(ReplyStatus.Draft);
        draft.Items.ShouldBeEmpty();

        var empty = await Should.ThrowAsync<ValidationFailedException>(app.AsUnitAsync(w.Unit1.Actor, h => h.SaveReplyAsync(id, new ReplyInput { Text = "初稿" }, submit: true)));
        empty.Errors[nameof(ReplyInput.Signer)].ShouldContain("签发人不能为空。");
        empty.Errors[nameof(ReplyInput.ReplyClass)].ShouldContain("请选择答复类别。");
        empty.Errors[nameof(ReplyInput.Items)].ShouldContain("提交答复前至少填写一项办理事项。");

        var bad = HandlingTestData.ClassB();
        bad.ReplyClass = "Z";
        bad.Text = new string('字', HandlingLimits.ReplyText + 1);
        bad.Items[1].Commitment = "";
        bad.Items[1].ResponsibleUnit = "市财政局";
        var invalid = await Should.ThrowAsync<ValidationFailedException>(app.AsUnitAsync(w.Unit1.Actor, h => h.SaveReplyAsync(id, bad, submit: false)));
        invalid.Errors[nameof(ReplyInput.ReplyClass)].ShouldContain("答复类别应为：A、B、C。");
        invalid.Errors[nameof(ReplyInput.Text)].ShouldContain($"答复正文不能超过{HandlingLimits.ReplyText}个字符。");
        invalid.Errors["Items[1].Commitment"].ShouldContain("第2项办理事项的承诺事项不能为空。");
        (await app.ReadAsync(d => d.ProposalReplies.SingleAsync(r => r.ProposalId == id))).Text.ShouldBe("初稿");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_lead_unit_submits_only_after_every_co_unit_gave_its_opinion(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewAssignedProposalAsync(w, AssignmentMode.LeadWithCo,
            [(w.Unit1, AssignmentRole.Lead), (w.Unit2, AssignmentRole.Co), (w.Unit3, AssignmentRole.Co)], status: AssignmentStatus.Accepted);
        await app.AsUnitAsync(w.Unit1.Actor, h => h.AddContactAsync(id, app.Phone()));

        var none = await Should.ThrowAsync<ValidationFailedException>(app.AsUnitAsync(w.Unit1.Actor, h => h.SaveReplyAsync(id, HandlingTestData.ClassB(), submit: true)));
        none.Errors[""].ShouldContain($"以下协办单位尚未提交协办意见：{string.Join("、", new[] { w.Unit2.Name, w.Unit3.Name }.Order(StringComparer.Ordinal))}。请待其提交后再提交答复。");

        await app.AsUnitAsync(w.Unit2.Actor, h => h.GiveCoOpinionAsync(id, new CoOpinionInput { Text = "交通局将配合做好施工期间的交通组织。" }));
        var one = await Should.ThrowAsync<ValidationFailedException>(app.AsUnitAsync(w.Unit1.Actor, h => h.SaveReplyAsync(id, HandlingTestData.ClassB(), submit: true)));
        one.Errors[""].ShouldContain($"以下协办单位尚未提交协办意见：{w.Unit3.Name}。请待其提交后再提交答复。");
        await app.AsUnitAsync(w.Unit3.Actor, h => h.GiveCoOpinionAsync(id, new CoOpinionInput { Text = "财政局将统筹安排补贴资金。" }));

        var leadView = await app.ViewAsync(w.Unit1.Actor, id);
        leadView.CoOpinions.Select(o => (o.UnitName, o.Text, o.Late)).OrderBy(o => o.UnitName).ShouldBe(
            new[] { (w.Unit2.Name, (string?)"交通局将配合做好施工期间的交通组织。", false), (w.Unit3.Name, (string?)"财政局将统筹安排补贴资金。", false) }.OrderBy(o => o.Item1));
        await app.AsUnitAsync(w.Unit1.Actor, h => h.SaveReplyAsync(id, HandlingTestData.ClassB(), submit: true));

        (await app.ReadAsync(d => d.ProposalReplies.SingleAsync(r => r.ProposalId == id))).Status.ShouldBe(ReplyStatus.Submitted);
        (await app.ReadAsync(d => d.ProposalAssignments.Where(a => a.ProposalId == id).Select(a => a.Status).ToListAsync())).ShouldAllBe(s => s == AssignmentStatus.Replied);
        (await app.ViewAsync(w.Unit2.Actor, id)).CoOpinions.ShouldBeEmpty();
        var revise = await Should.ThrowAsync<ConflictException>(app.AsUnitAsync(w.Unit2.Actor, h => h.GiveCoOpinionAsync(id, new CoOpinionInput { Text = "补充" })));
        revise.Message.ShouldBe("主办单位已提交答复，协办意见不能再修改。");
        await Should.ThrowAsync<ForbiddenException>(app.AsUnitAsync(w.Unit2.Actor, h => h.SaveReplyAsync(id, HandlingTestData.ClassB(), submit: false)));
        await Should.ThrowAsync<ForbiddenException>(app.AsUnitAsync(w.Unit1.Actor, h => h.GiveCoOpinionAsync(id, new CoOpinionInput { Text = "主办意见" })));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_late_co_opinion_is_accepted_and_flagged(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        // Assigned 2 January: the one-month co-opinion deadline (2 February) has passed on 2 March.
        var id = await app.NewAssignedProposalAsync(w, AssignmentMode.LeadWithCo, [(w.Unit1, AssignmentRole.Lead), (w.Unit2, AssignmentRole.Co)],
            assignedAt: new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8)), status: AssignmentStatus.Accepted);
        var before = await app.ViewAsync(w.Unit2.Actor, id);
        before.Mine.CoOpinionDeadline.ShouldBe(new DateOnly(2026, 2, 5));
        before.Mine.CoOpinionLate.ShouldBeTrue();

        await app.AsUnitAsync(w.Unit2.Actor, h => h.GiveCoOpinionAsync(id, new CoOpinionInput { Text = "迟到的协办意见。" }));

        var lead = await app.ViewAsync(w.Unit1.Actor, id);
        lead.CoOpinions.ShouldHaveSingleItem().Late.ShouldBeTrue();
        lead.CoOpinions[0].Text.ShouldBe("迟到的协办意见。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_rejected_reply_shows_the_review_note_and_is_resubmitted(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewSingleAsync(w, AssignmentStatus.Accepted);
        await app.ContactAndSubmitAsync(w.Unit1, id);
        await app.StaffRejectAsync(id, "办理事项不具体，请补充时间表。");

        var view = await app.ViewAsync(w.Unit1.Actor, id);
        view.CurrentReply!.Status.ShouldBe(ReplyStatus.Rejected);
        view.CurrentReply.ReviewNote.ShouldBe("办理事项不具体，请补充时间表。");
        view.Mine.CanEditReply.ShouldBeTrue();
        var better = HandlingTestData.ClassB(3);
        await app.AsUnitAsync(w.Unit1.Actor, h => h.SaveReplyAsync(id, better, submit: true));

        var reply = await app.ReadAsync(d => d.ProposalReplies.Include(r => r.Items).SingleAsync(r => r.ProposalId == id));
        reply.Status.ShouldBe(ReplyStatus.Submitted);
        reply.Items.Count.ShouldBe(3);
        (await app.ReadAsync(d => d.ProposalReplyItems.CountAsync(i => i.ProposalId == id))).ShouldBe(3);
        (await app.ViewAsync(w.Unit1.Actor, id)).Timeline.ShouldContain(t => t.Kind == ProposalEventKind.ReplySubmitted && t.Text.Contains("修改后重新提交"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task After_an_unsatisfied_rating_the_unit_writes_a_second_reply(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewSingleAsync(w, AssignmentStatus.Accepted);
        await app.ContactAndSubmitAsync(w.Unit1, id);
        await app.StaffApproveAsync(id);
        await app.StartRoundTwoAsync(id);

        var round2 = HandlingTestData.ClassB(1);
        round2.ReplyClass = "A";
        round2.Text = "第二次答复：经再次研究……";
        await app.AsUnitAsync(w.Unit1.Actor, h => h.SaveReplyAsync(id, round2, submit: true));

        var replies = await app.ReadAsync(d => d.ProposalReplies.Where(r => r.ProposalId == id).OrderBy(r => r.Round).ToListAsync());
        replies.Select(r => (r.Round, r.Status, r.ReplyClass)).ShouldBe([(1, ReplyStatus.Approved, "B"), (2, ReplyStatus.Submitted, "A")]);
        var view = await app.ViewAsync(w.Unit1.Actor, id);
        view.CurrentReply!.Round.ShouldBe(2);
        view.EarlierReplies.ShouldHaveSingleItem().Round.ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Items_of_an_approved_reply_are_updated_over_time_with_history(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewSingleAsync(w, AssignmentStatus.Accepted);
        await app.ContactAndSubmitAsync(w.Unit1, id);
        var itemId = await app.ReadAsync(d => d.ProposalReplyItems.Where(i => i.ProposalId == id).OrderBy(i => i.Order).Select(i => i.Id).FirstAsync());

        var early = await Should.ThrowAsync<ConflictException>(app.AsUnitAsync(w.Unit1.Actor, h => h.UpdateItemAsync(id, itemId, new ItemStatusInput { Status = ItemStatus.Done })));
        early.Message.ShouldStartWith("答复审核通过后才能更新");

        await app.StaffApproveAsync(id);
        await app.AsUnitAsync(w.Unit1.Actor, h => h.UpdateItemAsync(id, itemId, new ItemStatusInput { Status = ItemStatus.Done }));
        await app.StaffApproveAsync(id, ProposalStatus.Completed);
        await app.AsUnitAsync(w.Unit1.Actor, h => h.UpdateItemAsync(id, itemId, new ItemStatusInput { Status = ItemStatus.NotDone }));

        var item = await app.ReadAsync(d => d.ProposalReplyItems.SingleAsync(i => i.Id == itemId));
        item.Status.ShouldBe(ItemStatus.NotDone);
        var history = await app.ReadAsync(d => d.ProposalHistory.Where(h => h.ProposalId == id && h.Kind == ProposalEventKind.ItemUpdated).OrderBy(h => h.At).Select(h => h.Text).ToListAsync());
        history.Count.ShouldBe(2);
        history.ShouldContain(t => t.Contains("正在落实 → 已落实"));
        history.ShouldContain(t => t.Contains("已落实 → 未落实"));
        await Should.ThrowAsync<NotFoundException>(app.AsUnitAsync(w.Unit1.Actor, h => h.UpdateItemAsync(id, Guid.NewGuid(), new ItemStatusInput { Status = ItemStatus.Done })));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_units_acting_on_one_proposal_at_once_one_wins_and_the_other_is_told(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewAssignedProposalAsync(w, AssignmentMode.Split, [(w.Unit1, AssignmentRole.Split), (w.Unit2, AssignmentRole.Split)]);

        // The second unit's page loaded the proposal before the first unit acted.
        await using var slow = app.As(w.Unit2.Actor);
        var slowDb = slow.ServiceProvider.GetRequiredService<TongxinDbContext>();
        await slowDb.Proposals.SingleAsync(p => p.Id == id);

        await app.AsUnitAsync(w.Unit1.Actor, h => h.AcceptAsync(id));
        var lost = await Should.ThrowAsync<ConflictException>(slow.ServiceProvider.GetRequiredService<UnitHandlingHandler>().AcceptAsync(id));

        lost.Message.ShouldBe("该提案已被他人处理，请刷新后查看最新状态。");
        (await app.ReadAsync(d => d.ProposalAssignments.Where(a => a.ProposalId == id).OrderBy(a => a.HandlingUnitName == w.Unit2.Name).Select(a => a.Status).ToListAsync()))
            .ShouldBe([AssignmentStatus.Accepted, AssignmentStatus.Pending]);
        (await app.ReadAsync(d => d.ProposalHistory.CountAsync(h => h.ProposalId == id))).ShouldBe(1);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_unit_replying_while_staff_reassign_fails_cleanly(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewHandlingWorldAsync();
        var id = await app.NewSingleAsync(w, AssignmentStatus.Accepted);
        await app.AsUnitAsync(w.Unit1.Actor, h => h.AddContactAsync(id, app.Phone()));

        await using var unit = app.As(w.Unit1.Actor);
        await unit.ServiceProvider.GetRequiredService<TongxinDbContext>().Proposals.SingleAsync(p => p.Id == id);
        // Staff re-assign in the meantime: the unit's assignment is returned and the proposal row touched.
        await app.AsAsync(Tongxin.Platform.Tenancy.Actor.System, async sp =>
        {
            var staffDb = sp.GetRequiredService<TongxinDbContext>();
            var p = await staffDb.Proposals.SingleAsync(x => x.Id == id);
            p.LastActivityAt = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(1);
            await staffDb.SaveChangesAsync();
        });

        var lost = await Should.ThrowAsync<ConflictException>(unit.ServiceProvider.GetRequiredService<UnitHandlingHandler>().SaveReplyAsync(id, HandlingTestData.ClassB(), submit: true));
        lost.Message.ShouldBe(UnitHandlingHandler.ConflictMessage);
        (await app.ReadAsync(d => d.ProposalReplies.CountAsync(r => r.ProposalId == id))).ShouldBe(0);
    }
}
