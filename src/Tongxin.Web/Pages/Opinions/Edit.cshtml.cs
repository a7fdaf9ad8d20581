using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Reports;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Opinions;

/// <summary>撰写/修改社情民意 – the member's form for a new report, a draft or a returned one:
/// save, submit, delete the draft, withdraw.</summary>
public class EditModel(ReportHandler reports) : PageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public ReportDraftView? View { get; private set; }

    public ReportOptions Options { get; private set; } = new([], [], 1500, "", "");

    public bool CanEdit => View is null || View.CanEdit;

    /// <summary>The report this request saved before its submission failed: the form goes on editing it.</summary>
    private Guid? createdId;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (View is { CanEdit: false })
        {
            return RedirectToPage("/Opinions/Detail", new { id });
        }

        Input = View?.Input ?? new ReportInput { ContactName = Options.MemberName, ContactPhone = Options.MemberMobile };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct) => RunAsync(id, true, async () =>
    {
        var saved = id is { } existing ? await reports.UpdateAsync(existing, Input, ct) : await reports.CreateAsync(Input, ct);
        TempData["Message"] = "已保存草稿";
        Warn(saved);
        return RedirectToPage(new { id = saved.Id });
    }, ct);

    /// <summary>Saves what the member sees, then submits that version.</summary>
    public Task<IActionResult> OnPostSubmitAsync(Guid? id, CancellationToken ct) => RunAsync(id, true, async () =>
    {
        var saved = id is { } existing ? await reports.UpdateAsync(existing, Input, ct) : await reports.CreateAsync(Input, ct);
        createdId = saved.Id;
        var serial = await reports.SubmitAsync(saved.Id, saved.Version, ct);
        TempData["Message"] = $"已报送，收稿编号 {serial:D4}，请等待筛选。";
        Warn(saved);
        return RedirectToPage("/Opinions/Detail", new { id = saved.Id });
    }, ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) => RunAsync(id, false, async () =>
    {
        await reports.DeleteAsync(id, ct);
        TempData["Message"] = "草稿已删除";
        return RedirectToPage("/Opinions/My");
    }, ct);

    private void Warn(ReportSaved saved)
    {
        if (saved.Warnings.Count > 0)
        {
            TempData["Warning"] = string.Join(" ", saved.Warnings);
        }
    }

    /// <summary>A refusal the member can fix is shown on the form, which keeps what they typed.</summary>
    private async Task<IActionResult> RunAsync(Guid? id, bool keepInput, Func<Task<IActionResult>> action, CancellationToken ct)
    {
        try
        {
            return await action();
        }
        catch (ValidationFailedException invalid)
        {
            invalid.AddTo(ModelState, nameof(Input));
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        await LoadAsync(createdId ?? id, ct);
        if (View is not null)
        {
            if (!keepInput)
            {
                Input = View.Input;
            }
            else if (createdId is not null)
            {
                // The save before a failed submission went through: the form continues from the stored version.
                Input.Version = View.Version;
            }
        }

        return Page();
    }

    private async Task LoadAsync(Guid? id, CancellationToken ct)
    {
        Options = await reports.OptionsAsync(ct);
        ViewData["MaxChars"] = Options.MaxChars;
        ViewData["Categories"] = Options.Categories;
        if (id is { } existing)
        {
            View = await reports.GetAsync(existing, ct);
        }
    }
}
