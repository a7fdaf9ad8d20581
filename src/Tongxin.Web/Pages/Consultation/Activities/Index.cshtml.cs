using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Activities;

/// <summary>协商活动 – the list with filters, pagination and Excel export; staff see drafts too and may create.</summary>
public class IndexModel(ActivityQueries queries, IActorAccessor actors, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ActivityFilter Filter { get; set; } = new();

    public PagedList<ActivityRow> Rows { get; private set; } = new([], 1, ActivityQueries.PageSize, 0);

    public bool IsStaff => ConsultationAccess.IsConsultationStaff(actors.Actor);

    public int ThisYear => BeijingTime.Today(time).Year;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Rows = await queries.ListAsync(Filter, pageNumber, ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await queries.ExportAsync(Filter, ct), ProposalFiles.ContentType, ActivityQueries.ExportName);
}
