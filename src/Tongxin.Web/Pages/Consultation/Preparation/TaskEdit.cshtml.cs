using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Preparation;

namespace Tongxin.Pages.Consultation.Preparation;

/// <summary>新增/修改调研任务 (staff with the 协商议政 permission).</summary>
public class TaskEditModel(ConsultationAccess access, PreparationHandler handler) : PreparationPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? TaskId { get; set; }

    [BindProperty]
    public ActivityTaskInput Input { get; set; } = new();

    public Activity Activity { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (TaskId is { } taskId)
        {
            Input = await handler.GetTaskForEditAsync(Id, taskId, ct);
        }
        else
        {
            PreparationAccess.EnsureChangeable(Activity);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return await FormActionAsync(
            async () =>
            {
                if (TaskId is { } taskId)
                {
                    await handler.UpdateTaskAsync(Id, taskId, Input, ct);
                }
                else
                {
                    await handler.AddTaskAsync(Id, Input, ct);
                }
            },
            () => Task.CompletedTask,
            "调研任务已保存。",
            () => Redirect(PreparationLinks.Tasks(Id)),
            nameof(Input));
    }

    private async Task LoadAsync(CancellationToken ct) => Activity = await access.LoadActivityForStaffAsync(Id, ct);
}
