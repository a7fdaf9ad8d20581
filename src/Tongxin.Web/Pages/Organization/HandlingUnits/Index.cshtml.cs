using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Organization.HandlingUnits;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.HandlingUnits;

public class IndexModel(HandlingUnitAdmin admin) : OrganizationPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public PagedList<HandlingUnitRow> Units { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanManage => admin.CanManage;

    // "page" is also the Razor Pages route value (the page's path), so the number is read from the query explicitly.
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default) =>
        Units = await admin.ListAsync(Search, true, pageNumber, null, ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var file = new MemoryStream();
        await admin.ExportAsync(file, ct);
        file.Position = 0;
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "承办单位名录.xlsx");
    }

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int version, CancellationToken ct) =>
        ListActionAsync(() => admin.DeleteAsync(id, version, ct), "承办单位已删除。", new { Search });
}
