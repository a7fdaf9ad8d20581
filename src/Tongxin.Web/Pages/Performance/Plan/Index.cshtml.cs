using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Performance.Liaison;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Pages.Performance.Plan;

/// <summary>一人一事 – the member edits their plan for the year and marks items done; staff with
/// 委员履职 and leaders read a member's plan (?memberId=) and the committee's overview.</summary>
public class IndexModel(DutyPlanHandler plans, IActorAccessor actors, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? MemberId { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNo { get; set; } = 1;

    [BindProperty]
    public PlanItemInput Item { get; set; } = new();

    [BindProperty]
    public PlanCompletionInput Completion { get; set; } = new();

    public int TheYear { get; private set; }

    public DutyPlanView? Plan { get; private set; }

    public PlanOverview? Overview { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        RunAsync(async () => await plans.AddAsync(TheYear, Item, ct), "已添加事项", ct);

    public Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => plans.UpdateAsync(id, Item, ct), "事项已修改", ct, id);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => plans.DeleteAsync(id, ct), "事项已删除", ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => plans.CompleteAsync(id, Completion, ct), "已标记完成", ct, id);

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) =>
        RunAsync(() => plans.ReopenAsync(id, ct), "已重新打开该事项", ct, id);

    /// <summary>Runs the action; on a domain error the page (with the plan loaded) shows it – the filter fills ModelState.</summary>
    private async Task<IActionResult> RunAsync(Func<Task> action, string message, CancellationToken ct, Guid? anchor = null)
    {
        TheYear = Year ?? BeijingTime.Today(time).Year;
        try
        {
            await action();
        }
        catch (Platform.Web.ValidationFailedException)
        {
            await LoadAsync(ct);
            throw;
        }
        catch (Platform.Web.ConflictException)
        {
            await LoadAsync(ct);
            throw;
        }

        TempData["Message"] = message;
        return Redirect($"/Performance/Plan?year={TheYear}" + (anchor is { } a ? $"#p-{a}" : ""));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = BeijingTime.Today(time);
        TheYear = Year ?? Today.Year;
        Years = [.. Enumerable.Range(-1, 6).Select(i => Today.Year + 1 - (i + 1)).Append(TheYear).Distinct().OrderDescending()];
        var actor = actors.Actor;
        if (MemberId is null && !PerformanceAccess.IsMember(actor) && LiaisonModule.IsReader(actor))
        {
            Overview = await plans.OverviewAsync(TheYear, PageNo, ct);
        }
        else
        {
            Plan = await plans.GetAsync(MemberId, TheYear, ct);
        }
    }
}
