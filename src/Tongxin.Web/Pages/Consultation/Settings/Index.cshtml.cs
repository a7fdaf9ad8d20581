using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation.Plan;
using Tongxin.Pages.Consultation.Plan;

namespace Tongxin.Pages.Consultation.Settings;

/// <summary>协商设置 – the committee's consultation deadlines, limits and plan pattern.</summary>
public class IndexModel(ConsultationSettingsHandler settings) : PlanPageModel
{
    [BindProperty]
    public ConsultationSettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Input = await settings.GetAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        ActAsync(() => settings.SaveAsync(Input, ct), () => Task.CompletedTask, "协商设置已保存。", () => RedirectToPage(), nameof(Input));
}
