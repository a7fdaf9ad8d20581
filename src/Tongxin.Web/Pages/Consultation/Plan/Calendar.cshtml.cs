using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Plan;

namespace Tongxin.Pages.Consultation.Plan;

/// <summary>计划日历 – the year's items month by month, flagging months without a consultation
/// (月月有协商) and quarters without a key one (季季有重点).</summary>
public class CalendarModel(PlanHandler plans) : PageModel
{
    public PlanView Plan { get; private set; } = null!;

    public IReadOnlyList<PlanQuarter> Quarters { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct) => (Plan, Quarters) = await plans.CalendarAsync(id, ct);
}
