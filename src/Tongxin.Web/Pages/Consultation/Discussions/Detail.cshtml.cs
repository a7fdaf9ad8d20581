using Microsoft.AspNetCore.Mvc;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Discussions;

/// <summary>网络议政 – the discussion as members and staff see it: threads, the comment form,
/// likes and reports; staff also switch the status and public participation.</summary>
public class DetailModel(DiscussionAccess access, DiscussionComments comments, DiscussionAdmin admin, DiscussionQuery query, IActorAccessor actors)
    : DiscussionPageModel(query)
{
    public bool IsModerator { get; private set; }

    /// <summary>The public link (shown to moderators when public participation is on).</summary>
    public string? PublicUrl { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken ct) =>
        ActAsync(async () =>
        {
            var d = await access.LoadForWriterAsync(id, ct);
            return PostedMessage(await comments.PostAsync(d, access.SignedIn(), Input.ParentId, Input.Content, null, ct));
        }, () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostLikeAsync(Guid id, Guid commentId, CancellationToken ct) =>
        ActAsync(async () =>
        {
            await comments.LikeAsync(await access.LoadForWriterAsync(id, ct), access.SignedIn(), commentId, ct);
            return "已点赞。";
        }, () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostUnlikeAsync(Guid id, Guid commentId, CancellationToken ct) =>
        ActAsync(async () =>
        {
            await comments.UnlikeAsync(await access.LoadForWriterAsync(id, ct), access.SignedIn(), commentId, ct);
            return "已取消点赞。";
        }, () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostReportAsync(Guid id, Guid commentId, string? reason, CancellationToken ct) =>
        ActAsync(async () =>
        {
            await comments.ReportAsync(await access.LoadForWriterAsync(id, ct), access.SignedIn(), commentId, reason, ct);
            return "已举报，感谢您的监督。";
        }, () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostStatusAsync(Guid id, DiscussionStatus status, CancellationToken ct) =>
        ActAsync(async () =>
        {
            await admin.SetStatusAsync(id, status, ct);
            return $"状态已改为“{status.DisplayName()}”。";
        }, () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostRenewTokenAsync(Guid id, CancellationToken ct) =>
        ActAsync(async () =>
        {
            await admin.RenewTokenAsync(id, ct);
            return "已生成新的公众链接，旧链接已失效。";
        }, () => LoadAsync(id, ct));

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Discussion = await access.LoadForReaderAsync(id, ct);
        var actor = actors.Actor;
        IsModerator = DiscussionAccess.IsModerator(actor) && actor.CanWrite(Discussion.CommitteeId);
        CanWrite = actor.CanWrite(Discussion.CommitteeId) && Discussion.Status != DiscussionStatus.Closed;
        PublicUrl = IsModerator && Discussion.PublicParticipation ? $"{Request.Scheme}://{Request.Host}/d/{Discussion.Token}" : null;
        await LoadCommentsAsync(access.SignedIn(), ct);
    }
}
