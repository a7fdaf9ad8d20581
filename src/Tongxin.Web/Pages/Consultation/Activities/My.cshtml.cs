using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation.Activities;

namespace Tongxin.Pages.Consultation.Activities;

/// <summary>我的活动 – the member's upcoming places, activities open for sign-up, and past ones with attendance.</summary>
public class MyModel(ActivityQueries queries) : PageModel
{
    public MyActivities Mine { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Mine = await queries.MineAsync(pageNumber, ct);
}
