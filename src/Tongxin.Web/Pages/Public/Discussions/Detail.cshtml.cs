using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Pages.Consultation.Discussions;

namespace Tongxin.Pages.Public.Discussions;

/// <summary>网络议政（公众） – the token link of a discussion with public participation on: anyone
/// reads, comments (with a display name), likes and reports, as the public of the committee, with
/// the public channels' abuse defence (form stamp, rate limit, cleaning, client hash).</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicRateLimits.Submit)]
public class DetailModel(DiscussionAccess access, DiscussionComments comments, DiscussionQuery query, PublicFormStamps stamps, ClientHasher hasher)
    : DiscussionPageModel(query)
{
    public static string Scope(string token) => $"discussion:{token}";

    public async Task OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct);

    public Task<IActionResult> OnPostCommentAsync(
        string token,
        [FromForm(Name = PublicFormStamps.StampField)] string? stamp,
        [FromForm(Name = PublicFormStamps.HoneypotField)] string? honeypot,
        CancellationToken ct) =>
        ActAsync(async () =>
        {
            var d = await access.LoadPublicAsync(token, ct);
            stamps.Verify(Scope(token), stamp, honeypot);
            return PostedMessage(await comments.PostAsync(d, Me(), Input.ParentId, Input.Content, Input.Name, ct));
        }, () => LoadAsync(token, ct));

    public Task<IActionResult> OnPostLikeAsync(string token, Guid commentId, CancellationToken ct) =>
        ActAsync(async () =>
        {
            await comments.LikeAsync(await access.LoadPublicAsync(token, ct), Me(), commentId, ct);
            return "已点赞。";
        }, () => LoadAsync(token, ct));

    public Task<IActionResult> OnPostUnlikeAsync(string token, Guid commentId, CancellationToken ct) =>
        ActAsync(async () =>
        {
            await comments.UnlikeAsync(await access.LoadPublicAsync(token, ct), Me(), commentId, ct);
            return "已取消点赞。";
        }, () => LoadAsync(token, ct));

    public Task<IActionResult> OnPostReportAsync(string token, Guid commentId, string? reason, CancellationToken ct) =>
        ActAsync(async () =>
        {
            await comments.ReportAsync(await access.LoadPublicAsync(token, ct), Me(), commentId, reason, ct);
            return "已举报，感谢您的监督。";
        }, () => LoadAsync(token, ct));

    private Participant Me() => Participant.Public(hasher.Hash(HttpContext));

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        Discussion = await access.LoadPublicAsync(token, ct);
        CanWrite = Discussion.Status != DiscussionStatus.Closed;
        await LoadCommentsAsync(Me(), ct);
    }
}
