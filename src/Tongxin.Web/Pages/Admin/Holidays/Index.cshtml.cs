using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Calendar;

namespace Tongxin.Pages.Admin.Holidays;

/// <summary>节假日维护: the system admin keeps the holiday table per year – one entry at a time or by
/// pasting the State Council notice as lines.</summary>
[Authorize(Roles = Roles.SysAdmin)]
public class IndexModel(HolidayAdmin admin, WorkingDayCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The entry being edited (from the list's 修改 link); empty when adding.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? Edit { get; set; }

    [BindProperty]
    [Display(Name = "日期")]
    public DateOnly? Date { get; set; }

    [BindProperty]
    [Display(Name = "类型")]
    public HolidayKind? Kind { get; set; }

    [BindProperty]
    [Display(Name = "名称")]
    public string? Name { get; set; }

    [BindProperty]
    [Display(Name = "节假日清单")]
    public string? ImportText { get; set; }

    public HolidayYear Data { get; private set; } = new(0, [], []);

    /// <summary>Years a deadline may soon reach that have no holiday data yet.</summary>
    public List<int> MissingYears { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Edit is { } edit && Data.Entries.FirstOrDefault(e => e.Date == edit) is { } entry)
        {
            Date = entry.Date;
            Kind = entry.Kind;
            Name = entry.Name;
        }
        else
        {
            Edit = null;
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await admin.SaveAsync(Edit, Date, Kind, Name, ct);
        TempData["Message"] = $"已保存 {Date:yyyy-MM-dd}（{HolidayAdmin.KindName(Kind!.Value)}，{Name!.Trim()}）。";
        return RedirectToPage(new { year = Date!.Value.Year });
    }

    public async Task<IActionResult> OnPostDeleteAsync(DateOnly date, CancellationToken ct)
    {
        await admin.DeleteAsync(date, ct);
        TempData["Message"] = $"已删除 {date:yyyy-MM-dd}。";
        return RedirectToPage(new { year = date.Year });
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var count = await admin.ImportAsync(ImportText, ct);
        var year = HolidayAdmin.Parse(ImportText).Keys.Min().Year;
        TempData["Message"] = $"已导入 {count} 天的节假日安排。";
        return RedirectToPage(new { year });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        Data = await admin.YearAsync(Year ?? today.Year, ct);
        Year = Data.Year;
        MissingYears = [.. new[] { Data.Year, today.Year, today.Year + 1 }.Distinct().Order().Where(y => !Data.YearsWithData.Contains(y))];
    }
}
