using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation.Plan;

namespace Tongxin.Pages.Consultation.Plan;

/// <summary>计划事项 – add an item to a draft plan (from a pool topic or typed in) or edit one.</summary>
public class ItemModel(PlanHandler plans, TopicPoolHandler pool) : PlanPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? PlanId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ItemId { get; set; }

    [BindProperty]
    public PlanItemInput Input { get; set; } = new();

    public PlanView Plan { get; private set; } = null!;

    /// <summary>待遴选 topics of the plan's year (new items only).</summary>
    public IReadOnlyList<TopicPoolRow> Topics { get; private set; } = [];

    public async Task OnGetAsync(Guid? topicId, CancellationToken ct)
    {
        if (ItemId is { } itemId)
        {
            (Plan, Input) = await plans.GetItemAsync(itemId, ct);
        }
        else
        {
            await LoadAsync(ct);
            Input.TopicId = topicId;
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var planId = PlanId ?? Guid.Empty;
        return ActAsync(async () =>
            {
                if (ItemId is { } itemId)
                {
                    planId = await plans.UpdateItemAsync(itemId, Input, ct);
                }
                else
                {
                    await plans.AddItemAsync(planId, Input, ct);
                }
            },
            () => LoadAsync(ct), ItemId is null ? "事项已添加。" : "事项已保存。", () => RedirectToPage("Detail", new { id = planId }), nameof(Input));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (ItemId is { } itemId)
        {
            Plan = (await plans.GetItemAsync(itemId, ct)).Plan;
            return;
        }

        Plan = await plans.GetAsync(PlanId ?? Guid.Empty, ct);
        Topics = await pool.AvailableAsync(Plan.Year, ct);
    }
}
