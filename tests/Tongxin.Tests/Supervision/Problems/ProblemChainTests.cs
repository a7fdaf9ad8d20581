using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Problems;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Supervision.Problems;

/// <summary>委员提 → 部门办 → 专委督: a problem from recording to 销号.</summary>
public class ProblemChainTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_supervisor_records_staff_assign_the_unit_replies_and_the_problem_closes_only_when_rectified_and_visited(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);

        // 委员提, with a photo of the evidence uploaded first.
        var fileId = await app.AsAsync(w.Supervisor.Actor, async sp =>
            (await sp.GetRequiredService<AttachmentService>().UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes("现场照片说明")), "现场.txt")).Id);
        var id = await app.AsAsync(w.Supervisor.Actor, sp => sp.GetRequiredService<ProblemRecording>().RecordAsync(w.Input() with { AttachmentIds = [fileId] }));
        var p = await w.ProblemAsync(id);
        p.Status.ShouldBe(ProblemStatus.Recorded);
        (p.Year, p.Number).ShouldBe((2026, 1));
        p.Source.ShouldBe(ProblemSource.Supervisor);
        p.ReportedByMemberId.ShouldBe(w.Supervisor.Actor.MemberId);
        p.ConcernedPhone.ShouldBe("13900001234");
        p.AssignDueOn.ShouldBe(new DateOnly(2026, 3, 4)); // Monday 2 March + 2 working days
        (await w.DetailAsync(id, w.Supervisor)).Evidence.ShouldHaveSingleItem().FileName.ShouldBe("现场.txt");

        // 部门办: assigned, due in 5 working days.
        await w.AssignAsync(id);
        p = await w.ProblemAsync(id);
        (p.Status, p.HandlingUnitId, p.ReplyDueOn).ShouldBe((ProblemStatus.Assigned, (Guid?)w.Unit1Id, (DateOnly?)new DateOnly(2026, 3, 9)));

        // The unit is still rectifying: no close-out.
        await w.ReplyAsync(id, RectificationState.InProgress, text: "已安排施工队，预计月底完成。");
        var notRectified = await Should.ThrowAsync<ConflictException>(() => w.CloseAsync(id));
        notRectified.Message.ShouldContain("只有“已整改”的问题才能销号");

        // 专委督: sent back with a note, the unit answers again, rectified.
        await w.WorkflowAsync(w.Staff, (h, v) => h.ReturnAsync(id, v, "请整改完成后再答复"), id);
        p = await w.ProblemAsync(id);
        (p.Status, p.ReturnCount, p.Reply).ShouldBe((ProblemStatus.Assigned, 1, (string?)null));
        await w.ReplyAsync(id);

        var notVisited = await Should.ThrowAsync<ConflictException>(() => w.CloseAsync(id));
        notVisited.Message.ShouldBe("尚未记录回访，请先回访当事人后再销号。");
        await w.VisitAsync(id);
        await w.CloseAsync(id);

        p = await w.ProblemAsync(id);
        p.Status.ShouldBe(ProblemStatus.Closed);
        (p.Rectification, p.ReturnVisitSatisfaction, p.ReturnVisitPerson).ShouldBe(((RectificationState?)RectificationState.Rectified, (VisitSatisfaction?)VisitSatisfaction.Satisfied, "王经理"));
        (await w.StepsAsync(id)).Select(s => s.Action).ShouldBe(["记录", "交办", "答复", "退回", "答复", "回访", "销号"]);
        (await w.StepsAsync(id))[2].Text.ShouldContain("已安排施工队");

        // The unit heard of the assignment, the return and the close-out; the reporter of every step.
        var unitNotes = await w.NotesAfterEventsAsync(w.Unit1, n => n.Count >= 3);
        unitNotes.Count(n => n.Title == "监督问题办理中").ShouldBe(2);
        unitNotes.ShouldContain(n => n.Title == "监督问题已销号" && n.Link == $"/Supervision/Problems/Detail/{id}");
        (await w.NotesAfterEventsAsync(w.Supervisor, n => n.Count >= 6)).Count.ShouldBe(6); // every step after recording
        var staffNotes = await w.NotesAfterEventsAsync(w.Staff, n => n.Count >= 4);
        staffNotes.ShouldContain(n => n.Title == "新的监督问题待交办：监督〔2026〕1号");
        staffNotes.Count(n => n.Title == "监督问题已答复").ShouldBe(3); // two replies and the return visit
        (await w.NotesAsync(w.Unit2)).ShouldBeEmpty();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_dismiss_a_problem_only_with_a_reason(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);
        var id = await w.RecordAsync();

        var noReason = await Should.ThrowAsync<ValidationFailedException>(() => w.WorkflowAsync(w.Staff, (h, v) => h.DismissAsync(id, v, "  "), id));
        noReason.Errors.Keys.ShouldContain("Reason");
        await w.WorkflowAsync(w.Staff, (h, v) => h.DismissAsync(id, v, "属于司法程序，不在监督范围"), id);

        var p = await w.ProblemAsync(id);
        (p.Status, p.DismissReason).ShouldBe((ProblemStatus.Dismissed, "属于司法程序，不在监督范围"));
        (await w.StepsAsync(id)).Last().Action.ShouldBe("不予交办");
        var late = await Should.ThrowAsync<ConflictException>(() => w.AssignAsync(id));
        late.Message.ShouldBe("该问题当前为“不予交办”，不能交办。");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Problems_recorded_at_the_same_moment_are_numbered_without_gaps(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);

        var ids = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => w.RecordAsync($"并发记录的问题{i}", i % 2 == 0 ? w.Staff : w.Supervisor)));

        var numbers = await app.AsAsync(Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().SupervisionProblems.AsNoTracking()
            .Where(p => ids.Contains(p.Id)).Select(p => p.Number).OrderBy(n => n).ToListAsync());
        numbers.ShouldBe([1, 2, 3, 4, 5, 6]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Of_two_staff_assigning_the_same_problem_one_wins_and_the_other_is_told(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);
        var id = await w.RecordAsync();
        var seen = (await w.ProblemAsync(id)).Version;

        Task Assign(TestData.TestUser staff, Guid unitId) =>
            app.AsAsync(staff.Actor, sp => sp.GetRequiredService<ProblemWorkflow>().AssignAsync(id, seen, new AssignInput(unitId, null)));
        var results = await Task.WhenAll(
            Capture(Assign(w.Staff, w.Unit1Id)),
            Capture(Assign(w.Staff2, w.Unit2Id)));

        results.Count(e => e is null).ShouldBe(1);
        results.Single(e => e is not null)!.Message.ShouldBe("该问题已被他人处理，请刷新后重试。");
        var p = await w.ProblemAsync(id);
        p.Status.ShouldBe(ProblemStatus.Assigned);
        (await w.StepsAsync(id)).Count(s => s.Action == "交办").ShouldBe(1);

        static async Task<ConflictException?> Capture(Task t)
        {
            try
            {
                await t;
                return null;
            }
            catch (ConflictException e)
            {
                return e;
            }
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Recording_checks_the_fields_in_Chinese(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await ProblemWorld.CreateAsync(app);

        var invalid = await Should.ThrowAsync<ValidationFailedException>(() => app.AsAsync(w.Supervisor.Actor, sp =>
            sp.GetRequiredService<ProblemRecording>().RecordAsync(w.Input() with { Title = "", ConcernedPhone = "12345" })));

        invalid.Errors["Title"].ShouldBe(["问题标题不能为空。"]);
        invalid.Errors["ConcernedPhone"].ShouldHaveSingleItem().ShouldStartWith("请填写正确的手机号码");
    }
}
