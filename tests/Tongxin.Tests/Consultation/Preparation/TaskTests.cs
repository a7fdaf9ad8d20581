using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Preparation;
using Tongxin.Platform.Web;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Preparation;

public class TaskTests
{
    private static ActivityTaskInput Visit(string title = "走访市住建局") => new()
    {
        Kind = ActivityTaskKind.Visit,
        Title = title,
        Date = new DateOnly(2026, 3, 10),
        Place = "市住建局",
        People = "张参会、李参会",
        Notes = "了解加装电梯补贴政策",
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_add_edit_complete_and_delete_a_research_task_and_participants_read_it(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var activityId = await w.NewActivityAsync();

        var taskId = await w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().AddTaskAsync(activityId, Visit()));
        var stored = await w.ReadAsync(d => d.ActivityTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
        stored.CommitteeId.ShouldBe(w.Committee.Id);
        stored.Title.ShouldBe("走访市住建局");
        stored.Done.ShouldBeFalse();

        var edit = await w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().GetTaskForEditAsync(activityId, taskId));
        edit.Title = "座谈：加装电梯";
        edit.Kind = ActivityTaskKind.Seminar;
        await w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().UpdateTaskAsync(activityId, taskId, edit));
        await w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().SetTaskDoneAsync(activityId, taskId, true));

        var seen = await w.AsAsync(w.Participant, sp => sp.GetRequiredService<PreparationQuery>().TasksAsync(activityId, 1));
        seen.Total.ShouldBe(1);
        seen.Items[0].ShouldBe(new TaskRow(taskId, ActivityTaskKind.Seminar, "座谈：加装电梯", new DateOnly(2026, 3, 10), "市住建局", "张参会、李参会", "了解加装电梯补贴政策", true));
        (await w.AsAsync(w.Leader, sp => sp.GetRequiredService<PreparationQuery>().TasksAsync(activityId, 1))).Total.ShouldBe(1);

        // A stale form (the version before the edit) is refused instead of overwriting.
        edit.Title = "过时的修改";
        var stale = await Should.ThrowAsync<ConflictException>(() =>
            w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().UpdateTaskAsync(activityId, taskId, edit)));
        stale.Message.ShouldBe(ConsultationSave.ConcurrentMessage);

        await w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().DeleteTaskAsync(activityId, taskId));
        (await w.ReadAsync(d => d.ActivityTasks.AnyAsync(t => t.ActivityId == activityId))).ShouldBeFalse();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Members_not_taking_part_and_staff_of_other_modules_do_not_see_the_tasks(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var activityId = await w.NewActivityAsync();
        await w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().AddTaskAsync(activityId, Visit()));

        foreach (var reader in new[] { w.Outsider, w.Declined, w.StaffWithoutPermission, w.Unit })
        {
            await Should.ThrowAsync<ForbiddenException>(() =>
                w.AsAsync(reader, sp => sp.GetRequiredService<PreparationQuery>().TasksAsync(activityId, 1)), reader.UserName);
            var view = await w.AsAsync(reader, sp => sp.GetRequiredService<PreparationQuery>().GetAsync(activityId));
            view.Tasks.ShouldBeEmpty(reader.UserName);
            view.CanReadPreparation.ShouldBeFalse();
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_task_input_is_refused_field_by_field_in_chinese(Db db)
    {
        var app = await TestApp.SharedAsync(db);
        var w = await app.NewPreparationWorldAsync();
        var activityId = await w.NewActivityAsync();

        var invalid = await Should.ThrowAsync<ValidationFailedException>(() =>
            w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().AddTaskAsync(activityId,
                new ActivityTaskInput { Kind = (ActivityTaskKind)42, Title = "  ", Place = new string('地', 201) })));
        invalid.Errors["Kind"].ShouldBe(["请选择调研形式（走访、座谈或调研）。"]);
        invalid.Errors["Title"].ShouldBe(["任务名称不能为空。"]);
        invalid.Errors["Date"].ShouldBe(["请填写日期。"]);
        invalid.Errors["Place"].ShouldBe(["地点不能超过200个字符。"]);
        (await w.ReadAsync(d => d.ActivityTasks.AnyAsync(t => t.ActivityId == activityId))).ShouldBeFalse();

        var closed = await w.NewActivityAsync(ActivityStatus.Closed);
        var refused = await Should.ThrowAsync<ConflictException>(() =>
            w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().AddTaskAsync(closed, Visit())));
        refused.Message.ShouldBe(PreparationAccess.NotChangeable);

        await Should.ThrowAsync<NotFoundException>(() =>
            w.AsAsync(w.Staff, sp => sp.GetRequiredService<PreparationHandler>().DeleteTaskAsync(activityId, Guid.NewGuid())));
    }
}
