using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Supervision.Letters;

namespace Tongxin.Pages.Supervision.Letters;

/// <summary>建议书 – one letter: the group submits it, staff return, sign off and send it, the
/// department (or staff for it) records its response; anyone who may read it downloads the .docx.
/// The handler decides who may; the page shows each form only to them.</summary>
public class DetailModel(LetterHandler handler, LetterQueries queries, LetterDocuments documents) : PageModel
{
    [BindProperty]
    public string? ResponseText { get; set; }

    public LetterView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await queries.GetAsync(id, ct);

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct)
    {
        var (content, name) = await documents.DocxAsync(id, ct);
        return File(content, LetterDocuments.ContentType, name);
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => handler.SubmitAsync(id, ct), "建议书已提交，等待签发。", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => handler.ReturnAsync(id, ct), "已退回小组修改。", ct);

    public Task<IActionResult> OnPostSignOffAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => await handler.SignOffAsync(id, ct), "建议书已签发。", ct);

    public Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => handler.SendAsync(id, ct), "建议书已送达主送部门。", ct);

    public Task<IActionResult> OnPostRespondAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => handler.RecordResponseAsync(id, ResponseText, ct), "部门反馈已记录。", ct);

    /// <summary>Loads the letter first, so that a refused action shows the page with its message.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, string message, CancellationToken ct)
    {
        View = await queries.GetAsync(id, ct);
        await action();
        TempData["Message"] = message;
        return Redirect($"/Supervision/Letters/Detail/{id}");
    }
}
