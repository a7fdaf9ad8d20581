using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision.Groups;

namespace Tongxin.Pages.Supervision.Groups;

/// <summary>我的监督小组 – the member's supervisor groups and role in each.</summary>
public class MyModel(GroupQueries queries) : PageModel
{
    public IReadOnlyList<MyGroupRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await queries.MineAsync(ct);
}
