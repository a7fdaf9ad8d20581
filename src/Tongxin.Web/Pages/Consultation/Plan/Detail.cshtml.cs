using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Plan;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Pages.Consultation.Plan;

/// <summary>年度协商计划详情 – items, the pattern check, the review workflow and the exports.</summary>
public class DetailModel(PlanHandler plans, PlanExport export, IActorAccessor actors) : PlanPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public PlanView Plan { get; private set; } = null!;

    public bool IsStaff => ConsultationAccess.IsConsultationStaff(actors.Actor) && actors.Actor.CommitteeId == Plan.CommitteeId;

    [BindProperty]
    public string? Note { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var (file, year) = await export.ExcelAsync(Id, ct);
        return File(file, PlanExport.XlsxContentType, PlanExport.FileName(year, "xlsx"));
    }

    public async Task<IActionResult> OnGetWordAsync(CancellationToken ct)
    {
        var (file, year) = await export.WordAsync(Id, ct);
        return File(file, PlanExport.DocxContentType, PlanExport.FileName(year, "docx"));
    }

    public Task<IActionResult> OnPostSubmitAsync(int version, CancellationToken ct) =>
        Act(() => plans.SubmitAsync(Id, version, ct), "计划已提交主席会议审议。", ct);

    public Task<IActionResult> OnPostChairApproveAsync(int version, CancellationToken ct) =>
        Act(() => plans.ChairApproveAsync(Id, version, Note, ct), "已记录主席会议审议通过，计划报党委审定。", ct);

    public Task<IActionResult> OnPostPublishAsync(int version, CancellationToken ct) =>
        Act(() => plans.PublishAsync(Id, version, Note, ct), "已记录党委审定通过，计划已发布。", ct);

    public Task<IActionResult> OnPostReturnAsync(int version, CancellationToken ct) =>
        Act(() => plans.ReturnAsync(Id, version, Note, ct), "计划已退回修改。", ct);

    public Task<IActionResult> OnPostRemoveItemAsync(Guid itemId, int version, CancellationToken ct) =>
        Act(() => plans.RemoveItemAsync(itemId, version, ct), "事项已移除。", ct);

    private Task<IActionResult> Act(Func<Task> action, string message, CancellationToken ct) =>
        ActAsync(action, () => LoadAsync(ct), message, () => RedirectToPage(new { Id }));

    private async Task LoadAsync(CancellationToken ct) => Plan = await plans.GetAsync(Id, ct);
}
