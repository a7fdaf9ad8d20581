using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Problems;

namespace Tongxin.Pages.Supervision.Problems;

/// <summary>监督问题 – the problem with its evidence and timeline; staff act on it (交办, 不予交办, 退回重办,
/// 回访, 销号), the assigned unit replies, the reporter adds evidence. Every action posts the version shown.</summary>
public class DetailModel(ProblemQueries queries, ProblemWorkflow workflow, ProblemRecording recording) : PageModel
{
    public ProblemDetail Problem { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public Guid? UnitId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? ReplyText { get; set; }

    [BindProperty]
    public RectificationState? Rectification { get; set; }

    [BindProperty]
    public ReturnVisitMethod? VisitMethod { get; set; }

    [BindProperty]
    public string? VisitPerson { get; set; }

    [BindProperty]
    public VisitSatisfaction? Satisfaction { get; set; }

    [BindProperty]
    public IFormFile? EvidenceFile { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "已交办。", () => workflow.AssignAsync(id, Version, new AssignInput(UnitId, Note), ct), ct);

    public Task<IActionResult> OnPostDismissAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "已不予交办。", () => workflow.DismissAsync(id, Version, Note, ct), ct);

    public Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "答复已提交。", () => workflow.ReplyAsync(id, Version, new UnitReplyInput(ReplyText, Rectification), ct), ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "已退回承办单位重办。", () => workflow.ReturnAsync(id, Version, Note, ct), ct);

    public Task<IActionResult> OnPostVisitAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "回访已记录。", () => workflow.RecordReturnVisitAsync(id, Version, new ReturnVisitInput(VisitMethod, VisitPerson, Satisfaction, Note), ct), ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "问题已销号。", () => workflow.CloseAsync(id, Version, ct), ct);

    public Task<IActionResult> OnPostEvidenceAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "证据已上传。", async () =>
        {
            if (EvidenceFile is null || EvidenceFile.Length == 0)
            {
                throw new Platform.Web.ValidationFailedException(nameof(EvidenceFile), "请选择要上传的文件。");
            }

            await using var content = EvidenceFile.OpenReadStream();
            await recording.AddEvidenceAsync(id, content, EvidenceFile.FileName, ct);
        }, ct);

    /// <summary>Loads the page first, so a refused action shows the form again with the message.</summary>
    private async Task<IActionResult> ActAsync(Guid id, string done, Func<Task> action, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        await action();
        TempData["Message"] = done;
        return Redirect($"/Supervision/Problems/Detail/{id}");
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Problem = await queries.DetailAsync(id, ct);
        if (Problem.CanManage && Problem.Status == ProblemStatus.Recorded)
        {
            Units = await queries.UnitsAsync(Problem.CommitteeId, ct);
        }
    }
}
