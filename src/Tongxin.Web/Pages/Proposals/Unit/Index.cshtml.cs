using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Handling;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals.Unit;

/// <summary>承办提案 – the unit's inbox.</summary>
public class IndexModel(UnitInboxHandler inbox) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AssignmentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public AssignmentRole? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SessionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DueFilter? Due { get; set; }

    public PagedList<UnitAssignmentRow> Rows { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<(Guid Id, string Name)> Sessions { get; private set; } = [];

    public int SoonDueWorkingDays { get; private set; }

    private UnitInboxFilter Filter => new(Status, Role, SessionId, Due);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Rows = await inbox.ListAsync(Filter, pageNumber, ct);
        Sessions = await inbox.SessionsAsync(ct);
        SoonDueWorkingDays = await inbox.SoonDueWorkingDaysAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await inbox.ExportAsync(Filter, ct), UnitInboxHandler.ContentType, UnitInboxHandler.ExportName);
}
