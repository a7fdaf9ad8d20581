using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Tongxin.Platform.Audit;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Admin.Audit;

/// <summary>审计日志: the audit admin filters, pages through, exports and verifies the audit log.</summary>
[Authorize(Policy = AuditModule.ReaderPolicy)]
public class IndexModel(AuditLog log) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "开始日期")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "结束日期")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "用户名")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "操作")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "对象类型")]
    public string? TargetType { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "政协组织")]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "结果")]
    public string? Result { get; set; }

    public PagedList<AuditRow>? Rows { get; private set; }

    public Dictionary<Guid, string> CommitteeNames { get; private set; } = [];

    public List<SelectListItem> CommitteeOptions { get; private set; } = [];

    public AuditChainReport? Report { get; private set; }

    /// <summary>The current filter as a query string, for the export link.</summary>
    public string FilterQuery => Request.QueryString.Value ?? "";

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        await LoadOptionsAsync(ct);
        Rows = await log.SearchAsync(Filter(), pageNumber, 50, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var file = await log.ExportAsync(Filter(), ct);
        return File(file.Content, AuditExportFile.ContentType, file.FileName);
    }

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Report = await log.VerifyAsync(ct);
        await LoadOptionsAsync(ct);
        Rows = await log.SearchAsync(Filter(), 1, 50, ct);
    }

    private AuditFilter Filter() => new()
    {
        From = From,
        To = To,
        UserName = UserName,
        Action = Action,
        TargetType = TargetType,
        CommitteeId = CommitteeId,
        Result = Result,
    };

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var committees = await log.CommitteesAsync(ct);
        CommitteeNames = committees.ToDictionary(c => c.Id, c => c.Name);
        CommitteeOptions = [.. committees.Select(c => new SelectListItem(c.Name, c.Id.ToString()))];
    }
}
