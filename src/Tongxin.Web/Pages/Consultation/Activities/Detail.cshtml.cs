using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Consultation.Activities;

/// <summary>活动详情 – the header, the viewer's own place (members: sign up, decline, leave), the
/// participant list with leave decisions and manual sign-in (staff), the sign-in links and count, the
/// staff actions (publish, cancel, close), and the parts of other helpers (preparation, results,
/// discussion) as partials. Every action is checked again by its handler.</summary>
public class DetailModel(
    ActivityQueries queries, ActivityHandler activities, ParticipationHandler participation, SignInHandler signIn,
    ConsultationSettingsStore settings, IActorAccessor actors, TimeProvider time) : PageModel
{
    public ActivityDetail Activity { get; private set; } = null!;

    public IReadOnlyList<ParticipantRow> Participants { get; private set; } = [];

    public MyPlace? Place { get; private set; }

    public int SignedUp { get; private set; }

    public int SignedIn { get; private set; }

    public int Expected { get; private set; }

    public int MaxLeaveRequests { get; private set; }

    /// <summary>Staff of the activity's own committee who manage its type (consultation staff; supervision
    /// staff for a 民主监督 activity): sees the list and the actions.</summary>
    public bool IsManager { get; private set; }

    public bool IsMember => ConsultationAccess.IsMember(actors.Actor) && actors.Actor.CommitteeId == Activity.CommitteeId;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public bool SignInOpen => Activity.Status == ActivityStatus.Published
        && Now >= Activity.StartsAt - SignInHandler.Margin && Now <= Activity.EndsAt + SignInHandler.Margin;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Activity = await queries.DetailAsync(id, ct);
        IsManager = ConsultationAccess.MayManage(actors.Actor, Activity.Type) && actors.Actor.CanWrite(Activity.CommitteeId);
        if (IsManager)
        {
            Participants = await queries.ParticipantsAsync(id, ct);
            (SignedIn, Expected) = await signIn.CountAsync(id, Activity.Mode, ct);
        }

        Place = await queries.MyPlaceAsync(id, ct);
        SignedUp = await queries.SignedUpCountAsync(id, ct);
        MaxLeaveRequests = (await settings.GetAsync(Activity.CommitteeId, ct)).MaxLeaveRequests;
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => { await activities.PublishAsync(id, ct); return "活动已发布，已通知受邀委员。"; });

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => { await activities.CancelAsync(id, ct); return "活动已取消。"; });

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => $"活动已结束，已确定 {await activities.CloseAsync(id, ct)} 人的出勤。");

    public Task<IActionResult> OnPostSignUpAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => { await participation.SignUpAsync(id, ct); return "报名成功。"; });

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () => { await participation.DeclineAsync(id, ct); return "已回复不参加。"; });

    public Task<IActionResult> OnPostLeaveAsync(Guid id, string? reason, CancellationToken ct) =>
        ActAsync(id, async () => { await participation.RequestLeaveAsync(id, reason, ct); return "请假申请已提交，请等待审批。"; });

    public Task<IActionResult> OnPostDecideLeaveAsync(Guid id, Guid participantId, bool approve, CancellationToken ct) =>
        ActAsync(id, async () => { await participation.DecideLeaveAsync(id, participantId, approve, ct); return approve ? "已准假。" : "已不准假。"; });

    public Task<IActionResult> OnPostSignInAsync(Guid id, Guid participantId, CancellationToken ct) =>
        ActAsync(id, async () => (await signIn.SignInManuallyAsync(id, participantId, ct)).Message);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid participantId, CancellationToken ct) =>
        ActAsync(id, async () => { await activities.RemoveParticipantAsync(id, participantId, ct); return "已移出参加名单。"; });

    /// <summary>Runs an action; a refusal the user can understand is shown above the page, which is reloaded either way.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Task<string>> action)
    {
        try
        {
            TempData["Message"] = await action();
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException)
        {
            TempData["Error"] = e.Message;
        }

        return RedirectToPage(new { id });
    }
}
