using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Opinions.Bulletins;
using Tongxin.Modules.Proposals.Documents;

namespace Tongxin.Pages.Opinions.Bulletins;

/// <summary>/Opinions/Bulletins/Detail/{id} – a bulletin: its header, articles and downloads; while a
/// draft, staff edit it here (articles from signed-off reports, order, texts) and 印发 it.</summary>
public class DetailModel(BulletinHandler bulletins) : PageModel
{
    public BulletinView View { get; private set; } = null!;

    public IReadOnlyList<BulletinArticleSource> Candidates { get; private set; } = [];

    public IReadOnlyList<string> Types { get; private set; } = [];

    [BindProperty]
    public BulletinInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct) => Send(await bulletins.DocumentAsync(id, pdf: false, ct), ProposalDocuments.ContentType);

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct) => Send(await bulletins.DocumentAsync(id, pdf: true, ct), BulletinDocuments.PdfContentType);

    public Task<IActionResult> OnPostHeaderAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => bulletins.UpdateAsync(id, Input, ct), ct, keepInput: true);

    public Task<IActionResult> OnPostAddSingleAsync(Guid id, Guid reportId, CancellationToken ct) =>
        ActAsync(id, () => bulletins.AddSingleAsync(id, reportId, ct), ct);

    public Task<IActionResult> OnPostAddCombinedAsync(Guid id, List<Guid> reportIds, string? title, string? body, CancellationToken ct) =>
        ActAsync(id, () => bulletins.AddCombinedAsync(id, reportIds, title, body, ct), ct);

    public Task<IActionResult> OnPostEditArticleAsync(Guid id, Guid articleId, string? title, string? body, CancellationToken ct) =>
        ActAsync(id, () => bulletins.EditArticleAsync(articleId, title, body, ct), ct);

    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid articleId, bool up, CancellationToken ct) =>
        ActAsync(id, () => bulletins.MoveArticleAsync(articleId, up, ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid articleId, CancellationToken ct) =>
        ActAsync(id, () => bulletins.RemoveArticleAsync(articleId, ct), ct);

    public Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => bulletins.IssueAsync(id, ct), ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        await bulletins.DeleteAsync(id, ct);
        return Redirect(BulletinsModule.ListPage);
    }

    /// <summary>Loads the page first, so that a refused action (validation, conflict) shows the page with its message.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, CancellationToken ct, bool keepInput = false)
    {
        var input = Input;
        await LoadAsync(id, ct);
        if (keepInput)
        {
            Input = input;
        }

        await action();
        return Redirect(BulletinsModule.DetailUrl(id));
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        View = await bulletins.GetAsync(id, ct);
        var b = View.Bulletin;
        Input = new BulletinInput { Year = b.Year, Type = b.Type, Title = b.Title, MainRecipients = b.MainRecipients, CopyRecipients = b.CopyRecipients };
        if (View.MayEdit)
        {
            Candidates = await bulletins.CandidatesAsync(id, ct);
            Types = await bulletins.TypesAsync(ct);
        }
    }

    private FileStreamResult Send(DocumentFile file, string contentType) => File(file.Content, contentType, file.FileName);
}
