using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Drafting;
using Tongxin.Pages.Organization.Members;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Proposals.My;

/// <summary>起草/修改提案 – the lead member's form; the same page shows the proposal read-only to
/// co-signers and after submission, with its attachments, discussion and timeline.</summary>
public class EditModel(DraftHandler drafts, DiscussionHandler discussion, TimelineQuery timeline, Tongxin.Modules.Opinions.Screening.ProposalClue clues) : PageModel
{
    [BindProperty]
    public DraftInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public DraftView? View { get; private set; }

    public DraftOptions Options { get; private set; } = new([], [], [], null);

    public ProposalTimelineView? Timeline { get; private set; }

    public bool CanEdit => View is null || View.CanEdit;

    /// <summary>The proposal this request saved before a later step (submission) failed: the form goes on editing it.</summary>
    private Guid? createdId;

    // fromReport (据此起草提案): a new draft starts from the author's report that staff screened as 转提案线索.
    public async Task OnGetAsync(Guid? id, Guid? fromReport, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input = View?.ToInput() ?? new DraftInput();
        if (id is null && fromReport is { } reportId)
        {
            var prefill = await clues.PrefillAsync(reportId, ct);
            (Input.Title, Input.Situation, Input.Suggestions) = (prefill.Title, prefill.Situation, prefill.Suggestions);
        }
    }

    public Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct) => RunAsync(id, nameof(Input), async () =>
    {
        var saved = id is { } existing ? await drafts.UpdateAsync(existing, Input, ct) : await drafts.CreateAsync(Input, ct);
        TempData["Message"] = "已保存提案草稿";
        Warn(saved);
        return RedirectToPage(new { id = saved.Id });
    }, ct);

    /// <summary>Saves what the member sees on the form, then submits that version.</summary>
    public Task<IActionResult> OnPostSubmitAsync(Guid? id, CancellationToken ct) => RunAsync(id, nameof(Input), async () =>
    {
        var saved = id is { } existing ? await drafts.UpdateAsync(existing, Input, ct) : await drafts.CreateAsync(Input, ct);
        createdId = saved.Id;
        await drafts.SubmitAsync(saved.Id, saved.Version, ct);
        TempData["Message"] = Input.Kind == ProposerKind.Joint ? "提案已提交，已向联名委员发出确认邀请" : "提案已提交，等待审查";
        Warn(saved);
        return RedirectToPage(new { id = saved.Id });
    }, ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) => RunAsync(id, "", async () =>
    {
        await drafts.DeleteAsync(id, ct);
        TempData["Message"] = "草稿已删除";
        return RedirectToPage("/Proposals/My/Index");
    }, ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) => RunAsync(id, "", async () =>
    {
        await drafts.WithdrawAsync(id, ct);
        TempData["Message"] = "提案已撤回";
        return RedirectToPage(new { id });
    }, ct);

    public Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken ct) => RunAsync(id, "", async () =>
    {
        await discussion.ShareAsync(id, ct);
        TempData["Message"] = "草稿已发布到“众人商量着提”，本会委员可以发表意见";
        return RedirectToPage(new { id });
    }, ct);

    public Task<IActionResult> OnPostUnshareAsync(Guid id, CancellationToken ct) => RunAsync(id, "", async () =>
    {
        await discussion.UnshareAsync(id, ct);
        TempData["Message"] = "已停止讨论";
        return RedirectToPage(new { id });
    }, ct);

    public Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken ct) => RunAsync(id, "", async () =>
    {
        if (Upload is null)
        {
            throw new ValidationFailedException("", "请选择要上传的文件。");
        }

        await using var content = Upload.OpenReadStream();
        var file = await drafts.UploadAsync(id, content, Upload.FileName, ct);
        TempData["Message"] = $"已添加附件：{file.FileName}";
        return RedirectToPage(new { id });
    }, ct);

    public Task<IActionResult> OnPostRemoveAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct) => RunAsync(id, "", async () =>
    {
        await drafts.RemoveAttachmentAsync(id, attachmentId, ct);
        TempData["Message"] = "附件已删除";
        return RedirectToPage(new { id });
    }, ct);

    private void Warn(DraftSaved saved)
    {
        if (saved.Warnings.Count > 0)
        {
            TempData["Warning"] = string.Join(" ", saved.Warnings);
        }
    }

    /// <summary>A refusal the member can fix is shown on the form, which keeps what they typed.</summary>
    private async Task<IActionResult> RunAsync(Guid? id, string prefix, Func<Task<IActionResult>> action, CancellationToken ct)
    {
        try
        {
            return await action();
        }
        catch (ValidationFailedException invalid) when (prefix.Length > 0)
        {
            invalid.AddTo(ModelState, prefix);
        }
        catch (ValidationFailedException invalid)
        {
            foreach (var message in invalid.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError("", message);
            }
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message);
        }

        await LoadAsync(createdId ?? id, ct);
        if (View is not null)
        {
            if (prefix.Length == 0)
            {
                Input = View.ToInput();
            }

            if (createdId is not null)
            {
                // The save before a failed submission went through: the form continues from the stored version.
                Input.Version = View.Version;
            }
        }

        return Page();
    }

    private async Task LoadAsync(Guid? id, CancellationToken ct)
    {
        Options = await drafts.OptionsAsync(ct);
        if (id is { } existing)
        {
            View = await drafts.GetAsync(existing, ct);
            Timeline = View.Status == ProposalStatus.Draft ? null : await timeline.LoadAsync(existing, ct);
        }
    }
}
