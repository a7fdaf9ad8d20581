using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision;
using Tongxin.Modules.Supervision.Letters;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Supervision.Letters;

/// <summary>民主监督建议书 – the letters the actor may read, filtered by group (<c>?groupId=</c>) and
/// status; a supervisor starts a new letter for one of their groups here.</summary>
public class IndexModel(LetterQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? GroupId { get; set; }

    [BindProperty(SupportsGet = true)]
    public LetterStatus? Status { get; set; }

    public PagedList<LetterRow> Rows { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Groups { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> DraftingGroups { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Rows = await queries.ListAsync(new LetterFilter(GroupId, Status), pageNumber, ct);
        Groups = await queries.FilterGroupsAsync(ct);
        DraftingGroups = await queries.DraftingGroupsAsync(ct);
    }
}
