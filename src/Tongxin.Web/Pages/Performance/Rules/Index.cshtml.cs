using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Performance.Staff;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Performance.Rules;

/// <summary>积分规则 – the committee's rule table for a year: readers view it, 委员履职 staff of the committee save it or copy last year's.</summary>
public class IndexModel(DutyRulesEditor editor, CommitteeScores scores, IActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? CommitteeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DutyRulesInput Input { get; set; } = new();

    public DutyRulesView View { get; private set; } = null!;

    public IReadOnlyList<CommitteeChoice> Committees { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    private Guid Committee => CommitteeId ?? actors.Actor.CommitteeId ?? Guid.Empty;

    private int TheYear => Year ?? scores.DefaultYear;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = View.Input;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.CommitteeId = Committee;
        Input.Year = TheYear;
        try
        {
            await editor.SaveAsync(Input, ct);
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
            await LoadAsync(ct);
            return Page();
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Message"] = $"{TheYear} 年积分规则已保存，全体委员的积分已按新规则重新计算。";
        return RedirectToPage(new { committeeId = Committee, year = TheYear });
    }

    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        await editor.CopyPreviousYearAsync(Committee, TheYear, ct);
        TempData["Message"] = $"已复制 {TheYear - 1} 年的积分规则到 {TheYear} 年，全体委员的积分已重新计算。";
        return RedirectToPage(new { committeeId = Committee, year = TheYear });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        View = await editor.GetAsync(Committee, TheYear, ct);
        Committees = await scores.ReadableCommitteesAsync(ct);
        var thisYear = scores.DefaultYear;
        Years = [.. Enumerable.Range(-1, 7).Select(i => thisYear - i).Append(View.Input.Year).Distinct().OrderDescending()];
    }
}
