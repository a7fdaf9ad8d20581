using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Preparation;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Preparation;

/// <summary>发言 – the activity's speeches ranked by votes; participants vote, staff mark the best
/// speech and delete wrong entries.</summary>
public class SpeechesModel(ConsultationAccess access, PreparationQuery query, SpeechHandler handler) : PreparationPageModel
{
    public Activity Activity { get; private set; } = null!;

    public PreparationView View { get; private set; } = null!;

    public PagedList<SpeechRow> Speeches { get; private set; } = null!;

    public async Task OnGetAsync(int page, CancellationToken ct)
    {
        Activity = await access.LoadActivityAsync(Id, ct);
        View = await query.GetAsync(Id, ct);
        Speeches = await query.SpeechesAsync(Id, page, ct);
    }

    public Task<IActionResult> OnPostVoteAsync(Guid speechId, string? returnUrl, CancellationToken ct) =>
        ListActionAsync(async () =>
        {
            await handler.VoteAsync(Id, speechId, ct);
            return "投票成功，感谢参与最佳发言评选。";
        }, returnUrl);

    public Task<IActionResult> OnPostBestAsync(Guid speechId, bool best, CancellationToken ct) =>
        ListActionAsync(async () =>
        {
            await handler.MarkBestAsync(Id, speechId, best, ct);
            return best ? "已评为最佳发言。" : "已取消最佳发言。";
        });

    public Task<IActionResult> OnPostDeleteAsync(Guid speechId, CancellationToken ct) =>
        ListActionAsync(async () =>
        {
            await handler.DeleteAsync(Id, speechId, ct);
            return "发言已删除。";
        });
}
