using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Organization.Members;

public class ChangeRequestsModel(ChangeRequestHandler requests) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ProfileChangeStatus? Status { get; set; } = ProfileChangeStatus.Pending;

    /// <summary>Read from the query in OnGet: "page" is also Razor Pages' own route value, so a bound property never sees it.</summary>
    public int PageNumber { get; private set; } = 1;

    public PagedList<ChangeRequestHandler.Row> Requests { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        PageNumber = pageNumber;
        Requests = await requests.ListAsync(Status, PageNumber, ct);
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, int version, string? note, CancellationToken ct) =>
        DecideAsync(() => requests.ApproveAsync(id, version, note, ct), "已通过修改申请，委员信息已更新");

    public Task<IActionResult> OnPostRejectAsync(Guid id, int version, string? note, CancellationToken ct) =>
        DecideAsync(() => requests.RejectAsync(id, version, note, ct), "已驳回修改申请");

    /// <summary>A refused decision is shown above the queue, which is reloaded either way.</summary>
    private async Task<IActionResult> DecideAsync(Func<Task> decide, string done)
    {
        try
        {
            await decide();
            TempData["Message"] = done;
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException)
        {
            TempData["Error"] = e.Message;
        }

        return RedirectToPage();
    }
}
