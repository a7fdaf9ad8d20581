using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Plan;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Pages.Consultation.Plan;

/// <summary>年度协商计划 – the committee's plans by year; consultation staff start a new year's plan.</summary>
public class IndexModel(PlanHandler plans, IActorAccessor actors, TimeProvider time) : PlanPageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public bool IsStaff => ConsultationAccess.IsConsultationStaff(actors.Actor);

    [BindProperty]
    public int Year { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = BeijingTime.Today(time).Year;
        Plans = await plans.ListAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = Guid.Empty;
        return ActAsync(async () => id = await plans.CreateAsync(Year, Title, ct), async () => Plans = await plans.ListAsync(ct),
            $"{Year}年度协商计划已创建。", () => RedirectToPage("Detail", new { id }));
    }
}
