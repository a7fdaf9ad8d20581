using Tongxin.Pages.Organization.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Outcomes;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions.Outcomes;

/// <summary>采用与批示登记 – staff record upper-level adoptions and leaders' instructions on a report,
/// correct or delete wrong entries, and 上报 it to the parent committee.</summary>
public class IndexModel(OpinionOutcomeQuery query, OpinionOutcomeHandler handler, OpinionAccess access) : PageModel
{
    [BindProperty]
    public AdoptionInput Adoption { get; set; } = new();

    [BindProperty]
    public InstructionInput Instruction { get; set; } = new();

    public ReportOutcomes Outcomes { get; private set; } = null!;

    public async Task OnGetAsync(Guid reportId, CancellationToken ct) => await LoadAsync(reportId, ct);

    public Task<IActionResult> OnPostAdoptionAsync(Guid reportId, CancellationToken ct) =>
        ActAsync(reportId, nameof(Adoption), () => handler.RecordAdoptionAsync(reportId, Adoption, ct), "采用情况已登记。", ct);

    public Task<IActionResult> OnPostInstructionAsync(Guid reportId, CancellationToken ct) =>
        ActAsync(reportId, nameof(Instruction), () => handler.RecordInstructionAsync(reportId, Instruction, ct), "领导批示已登记。", ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid reportId, Guid outcomeId, CancellationToken ct) =>
        ActAsync(reportId, "", () => handler.DeleteAsync(outcomeId, ct), "结果记录已删除。", ct);

    public Task<IActionResult> OnPostForwardAsync(Guid reportId, CancellationToken ct) =>
        ActAsync(reportId, "", () => handler.ForwardAsync(reportId, ct), "已上报，上级政协将在其待筛选信息中看到本信息。", ct);

    private async Task<IActionResult> ActAsync(Guid reportId, string prefix, Func<Task> action, string done, CancellationToken ct)
    {
        try
        {
            await action();
            TempData["Message"] = done;
            return RedirectToPage(new { reportId });
        }
        catch (ValidationFailedException invalid)
        {
            // The handler names fields as the input does; the forms carry a prefix each.
            invalid.AddTo(ModelState, prefix);
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        await LoadAsync(reportId, ct);
        return Page();
    }

    private async Task LoadAsync(Guid reportId, CancellationToken ct)
    {
        access.RequireStaff();
        Outcomes = await query.GetAsync(reportId, ct);
        if (!Outcomes.CanManage)
        {
            throw new ForbiddenException("只能登记本级政协社情民意信息的采用与批示。");
        }
    }
}
