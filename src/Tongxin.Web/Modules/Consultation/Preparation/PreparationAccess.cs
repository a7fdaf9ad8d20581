using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Preparation;

/// <summary>Who may see and do what in an activity's preparation (会前调研、会议材料) and speeches.
/// Staff with the 协商议政 permission manage their own committee's activities; the members taking
/// part (a participant row that did not decline) read the tasks and the sent materials, submit
/// written speeches and vote; leaders read; everyone who may read the activity sees its speeches.</summary>
public sealed class PreparationAccess(TongxinDbContext db, ConsultationAccess access, IActorAccessor actors)
{
    public const string NotParticipant = "只有参加本次活动的委员可以执行此操作。";
    public const string NotChangeable = "活动已结束或已取消，不能再修改会前准备。";

    private Actor Actor => actors.Actor;

    /// <summary>Staff who may change this activity's preparation and speeches.</summary>
    public bool CanManage(Activity activity) =>
        ConsultationAccess.IsConsultationStaff(Actor) && Actor.CanWrite(activity.CommitteeId);

    /// <summary>The members taking part: invited or signed up, not declined.</summary>
    public IQueryable<ActivityParticipant> Participants(Guid activityId) =>
        db.ActivityParticipants.Where(p => p.ActivityId == activityId && p.Response != ParticipantResponse.Declined);

    /// <summary>Whether the actor is a member taking part in the activity.</summary>
    public async Task<bool> IsParticipantAsync(Guid activityId, CancellationToken ct = default) =>
        ConsultationAccess.IsMember(Actor) && Actor.MemberId is { } memberId
        && await Participants(activityId).AnyAsync(p => p.MemberId == memberId, ct);

    /// <summary>Tasks and materials are read by consultation staff, leaders and the participants.</summary>
    public async Task<bool> CanReadPreparationAsync(Activity activity, CancellationToken ct = default) =>
        ConsultationAccess.IsConsultationStaff(Actor) || ConsultationAccess.IsLeader(Actor)
        || await IsParticipantAsync(activity.Id, ct);

    /// <summary>The activity for a member's own action (written speech, vote): a participant, or 403.</summary>
    public async Task<(Activity Activity, Guid MemberId)> LoadForParticipantAsync(Guid activityId, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var activity = await access.LoadActivityAsync(activityId, ct);
        if (!await IsParticipantAsync(activityId, ct))
        {
            throw new ForbiddenException(NotParticipant);
        }

        return (activity, memberId);
    }

    /// <summary>Tasks and materials change only before the activity is over.</summary>
    public static void EnsureChangeable(Activity activity)
    {
        if (activity.Status is not (ActivityStatus.Draft or ActivityStatus.Published))
        {
            throw new ConflictException(NotChangeable);
        }
    }
}

/// <summary>会议材料的下载权限: staff of the committee always; participants and leaders once the
/// materials have been sent. The attachment's owner is the activity.</summary>
public sealed class MaterialAttachmentAccess(ConsultationAccess access, PreparationAccess preparation, IActorAccessor actors) : IAttachmentOwnerAccess
{
    public const string Owner = "ActivityMaterial";

    public string OwnerType => Owner;

    public async Task<bool> MayReadAsync(Guid ownerId, CancellationToken ct)
    {
        var activity = await access.ReadableActivities().AsNoTracking().FirstOrDefaultAsync(a => a.Id == ownerId, ct);
        if (activity is null)
        {
            return false;
        }

        return ConsultationAccess.IsConsultationStaff(actors.Actor)
            || (activity.MaterialsSentAt is not null && await preparation.CanReadPreparationAsync(activity, ct));
    }
}
