using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Activities;

/// <summary>报名与请假 – a member signs up, declines or asks for leave (own place only); staff approve
/// or refuse leave. Capacity holds under concurrent sign-ups: every sign-up also bumps the activity's
/// row version, so of two sign-ups for the last place one save fails and is retried against the new count.</summary>
public sealed class ParticipationHandler(
    TongxinDbContext db, ConsultationAccess access, ConsultationSettingsStore settings, IActorAccessor actors, TimeProvider time)
{
    /// <summary>How often a sign-up is retried after losing a race before the member is asked to try again.</summary>
    public const int SignUpAttempts = 8;

    public const int MaxLeaveReason = 200;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>报名 – a 报名参加 activity, before its deadline and start, while places are left.</summary>
    public async Task SignUpAsync(Guid activityId, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TrySignUpAsync(activityId, memberId, ct);
                return;
            }
            catch (DbUpdateException) when (attempt < SignUpAttempts)
            {
                // Another sign-up (or the same member's second click) saved first: start again from the stored state.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                throw new ConflictException("报名的人较多，请稍后再试。");
            }
        }
    }

    private async Task TrySignUpAsync(Guid activityId, Guid memberId, CancellationToken ct)
    {
        var activity = await MemberActivityAsync(activityId, ct);
        if (activity.Mode != AttendanceMode.SignUp)
        {
            throw new ConflictException("该活动为必须参加的活动，无需报名。");
        }

        if (activity.SignUpDeadline is { } deadline && Now > deadline)
        {
            throw new ConflictException($"报名已于 {BeijingTime.FromUtc(deadline):yyyy-MM-dd HH:mm} 截止。");
        }

        if (Now >= activity.StartsAt)
        {
            throw new ConflictException("活动已开始，不能再报名。");
        }

        var place = await db.ActivityParticipants.FirstOrDefaultAsync(p => p.ActivityId == activityId && p.MemberId == memberId, ct);
        if (place?.Response == ParticipantResponse.SignedUp)
        {
            throw new ConflictException("您已报名该活动。");
        }

        if (activity.Capacity is { } capacity)
        {
            var taken = await db.ActivityParticipants.CountAsync(p => p.ActivityId == activityId && p.Response == ParticipantResponse.SignedUp, ct);
            if (taken >= capacity)
            {
                throw new ConflictException($"名额已满（共 {capacity} 人），不能再报名。");
            }
        }

        if (place is null)
        {
            place = new ActivityParticipant { CommitteeId = activity.CommitteeId, ActivityId = activityId, MemberId = memberId };
            db.ActivityParticipants.Add(place);
        }

        place.Response = ParticipantResponse.SignedUp;
        place.RespondedAt = Now;
        // The activity's version is the lock on its places: a concurrent sign-up that read the same count fails to save.
        db.Entry(activity).Property(a => a.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>不参加 – declines a 报名参加 activity (or withdraws a sign-up, freeing the place). A
    /// must-attend activity is not declined but asked leave for.</summary>
    public async Task DeclineAsync(Guid activityId, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var activity = await MemberActivityAsync(activityId, ct);
        if (activity.Mode == AttendanceMode.MustAttend)
        {
            throw new ConflictException("必须参加的活动不能直接拒绝，如不能参加请提交请假申请。");
        }

        if (Now >= activity.StartsAt)
        {
            throw new ConflictException("活动已开始，不能再更改报名。");
        }

        var place = await db.ActivityParticipants.FirstOrDefaultAsync(p => p.ActivityId == activityId && p.MemberId == memberId, ct);
        if (place?.SignedInAt is not null)
        {
            throw new ConflictException("您已签到，不能再更改报名。");
        }

        if (place is null)
        {
            place = new ActivityParticipant { CommitteeId = activity.CommitteeId, ActivityId = activityId, MemberId = memberId };
            db.ActivityParticipants.Add(place);
        }
        else if (place.Response == ParticipantResponse.Declined)
        {
            throw new ConflictException("您已回复不参加。");
        }

        place.Response = ParticipantResponse.Declined;
        place.RespondedAt = Now;
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>请假 – with a reason, before the activity ends; at most <c>MaxLeaveRequests</c> requests
    /// (default 2), a further one only after a refusal.</summary>
    public async Task RequestLeaveAsync(Guid activityId, string? reason, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var text = reason?.Trim() ?? "";
        new Validation()
            .NotBlank(text, "reason", "请假事由")
            .MaxLength(text, MaxLeaveReason, "reason", "请假事由")
            .ThrowIfInvalid();
        var activity = await MemberActivityAsync(activityId, ct);
        if (Now >= activity.EndsAt)
        {
            throw new ConflictException("活动已结束，不能再请假。");
        }

        var place = await db.ActivityParticipants.FirstOrDefaultAsync(p => p.ActivityId == activityId && p.MemberId == memberId, ct);
        if (place is null || !(place.Invited || place.Response == ParticipantResponse.SignedUp))
        {
            throw new ConflictException("您不在本次活动的参加名单中，无需请假。");
        }

        if (place.SignedInAt is not null)
        {
            throw new ConflictException("您已签到，不能再请假。");
        }

        var limit = (await settings.GetAsync(activity.CommitteeId, ct)).MaxLeaveRequests;
        switch (place.Leave)
        {
            case LeaveStatus.Requested:
                throw new ConflictException("您的请假申请正在审批中，请等待结果。");
            case LeaveStatus.Approved:
                throw new ConflictException("您的请假已获批准。");
        }

        if (place.LeaveRequestCount >= limit)
        {
            throw new ConflictException($"每次活动最多提交 {limit} 次请假申请，您已用完。");
        }

        place.Leave = LeaveStatus.Requested;
        place.LeaveReason = text;
        place.LeaveRequestCount++;
        place.LeaveDecidedAt = null;
        place.LeaveDecidedBy = null;
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>准假 / 不准假 – staff decide a waiting request; the member is told in the inbox.</summary>
    public async Task DecideLeaveAsync(Guid activityId, Guid participantId, bool approve, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForManagerAsync(activityId, ct);
        if (activity.Status is not (ActivityStatus.Published or ActivityStatus.Draft))
        {
            throw new ConflictException($"活动{activity.Status.DisplayName()}，不能再审批请假。");
        }

        var place = await db.ActivityParticipants.FirstOrDefaultAsync(p => p.Id == participantId && p.ActivityId == activityId, ct)
            ?? throw new NotFoundException("参加人");
        if (place.Leave != LeaveStatus.Requested)
        {
            throw new ConflictException("该请假申请已处理或已撤回。");
        }

        place.Leave = approve ? LeaveStatus.Approved : LeaveStatus.Refused;
        place.LeaveDecidedAt = Now;
        var by = actors.Actor.UserName;
        place.LeaveDecidedBy = by.Length > 50 ? by[..50] : by;
        db.Raise(new ActivityNotice(activity.Id, activity.CommitteeId, approve ? "请假已批准" : "请假未批准",
            $"您对「{activity.Title}」（{ActivityHandler.When(activity)}）的请假申请{(approve ? "已获批准" : "未获批准，请按时参加")}。",
            [place.MemberId]));
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>A published activity of the member's own committee (members only act in their own committee).</summary>
    private async Task<Activity> MemberActivityAsync(Guid activityId, CancellationToken ct)
    {
        var activity = await access.LoadActivityAsync(activityId, ct);
        if (activity.CommitteeId != actors.Actor.CommitteeId)
        {
            throw new ForbiddenException("只能参加本级政协的活动。");
        }

        if (activity.Status != ActivityStatus.Published)
        {
            throw new ConflictException($"活动{activity.Status.DisplayName()}，不能再报名或请假。");
        }

        return activity;
    }
}
