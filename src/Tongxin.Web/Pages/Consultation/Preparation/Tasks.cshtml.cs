using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Preparation;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Preparation;

/// <summary>会前调研 – the activity's research tasks; staff mark them done, delete them, and go on to
/// add or edit one; participants and leaders read them.</summary>
public class TasksModel(ConsultationAccess access, PreparationAccess preparation, PreparationQuery query, PreparationHandler handler) : PreparationPageModel
{
    public Activity Activity { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public PagedList<TaskRow> Tasks { get; private set; } = null!;

    public async Task OnGetAsync(int page, CancellationToken ct)
    {
        Activity = await access.LoadActivityAsync(Id, ct);
        CanManage = preparation.CanManage(Activity) && Activity.Status is ActivityStatus.Draft or ActivityStatus.Published;
        Tasks = await query.TasksAsync(Id, page, ct);
    }

    public Task<IActionResult> OnPostDoneAsync(Guid taskId, bool done, CancellationToken ct) =>
        ListActionAsync(async () =>
        {
            await handler.SetTaskDoneAsync(Id, taskId, done, ct);
            return done ? "已标记为完成。" : "已改为未完成。";
        });

    public Task<IActionResult> OnPostDeleteAsync(Guid taskId, CancellationToken ct) =>
        ListActionAsync(async () =>
        {
            await handler.DeleteTaskAsync(Id, taskId, ct);
            return "调研任务已删除。";
        });
}
