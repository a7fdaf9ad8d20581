using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Plan;

namespace Tongxin.Pages.Consultation.Plan;

/// <summary>录入/修改选题 – staff record 党政点题 and 政协报题, and edit any topic's text and notes.</summary>
public class TopicEditModel(TopicPoolHandler pool) : PlanPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public TopicInput Input { get; set; } = new();

    /// <summary>The source of the topic being edited (委员荐题/公开征题 keep theirs).</summary>
    public TopicSource? FixedSource { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var (topic, input) = await pool.GetAsync(id, ct);
            Input = input;
            FixedSource = topic.Source is TopicSource.Member or TopicSource.Public ? topic.Source : null;
        }
        else
        {
            pool.RequireStaff();
            Input.Year = pool.ThisYear;
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        ActAsync(async () =>
            {
                if (Id is { } id)
                {
                    await pool.UpdateAsync(id, Input, ct);
                }
                else
                {
                    await pool.CreateAsync(Input, ct);
                }
            },
            async () =>
            {
                if (Id is { } id)
                {
                    var (topic, _) = await pool.GetAsync(id, ct);
                    FixedSource = topic.Source is TopicSource.Member or TopicSource.Public ? topic.Source : null;
                }
            },
            "选题已保存。", () => RedirectToPage("Topics", new { year = Input.Year }), nameof(Input));
}
