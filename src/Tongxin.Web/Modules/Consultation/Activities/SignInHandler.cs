using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Activities;

/// <summary>The result of a sign-in: who, when, and whether this call signed them in or they already were.</summary>
public sealed record SignInOutcome(Guid ParticipantId, string MemberName, DateTime SignedInAt, bool AlreadySignedIn)
{
    /// <summary>成功 or 已签到（HH:mm） in Beijing time.</summary>
    public string Message => AlreadySignedIn
        ? $"{MemberName} 已签到（{BeijingTime.FromUtc(SignedInAt):HH:mm}）"
        : $"{MemberName} 签到成功（{BeijingTime.FromUtc(SignedInAt):HH:mm}）";
}

/// <summary>What the staff's sign-in screen shows: the current code and QR link, how long it lasts, and the count.</summary>
public sealed record SignInScreen(Guid ActivityId, string Title, string Code, string Path, int WindowSeconds, int SecondsLeft, int SignedIn, int Expected);

/// <summary>签到 – by the activity's rotating code (the member scans the screen), by the member's
/// 履职码 (staff scan it), or manually by staff (DESIGN.md "Sign-in"). Only for a published activity,
/// from two hours before its start to two hours after its end. The write is one conditional UPDATE
/// (<c>WHERE SignedInAt IS NULL</c>), so two concurrent sign-ins of the same member count once.</summary>
public sealed class SignInHandler(TongxinDbContext db, ConsultationAccess access, ConsultationSettingsStore settings, TimeProvider time)
{
    public static readonly TimeSpan Margin = TimeSpan.FromHours(2);

    public const string ExpiredMessage = "签到码已过期，请扫描现场大屏上的最新二维码。";

    public const string WrongCodeMessage = "签到码无效，请扫描现场大屏上的二维码。";

    /// <summary>The member signs in with the code of the on-screen QR (<c>/c/s/{activityId}/{code}</c>).</summary>
    public async Task<SignInOutcome> SignInByActivityCodeAsync(Guid activityId, string? code, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var activity = OpenForSignIn(await access.LoadActivityAsync(activityId, ct));
        var window = (await settings.GetAsync(activity.CommitteeId, ct)).SignInCodeSeconds;
        var now = time.GetUtcNow();
        switch (SignInCode.Verify(activity.SignInSecret, code, now, window, new DateTimeOffset(activity.StartsAt - Margin, TimeSpan.Zero)))
        {
            case SignInCode.Check.Expired:
                throw new ConflictException(ExpiredMessage);
            case SignInCode.Check.Wrong:
                throw new ValidationFailedException("code", WrongCodeMessage);
        }

        var place = await db.ActivityParticipants.AsNoTracking()
            .Where(p => p.ActivityId == activityId && p.MemberId == memberId)
            .Select(p => new { p.Id, p.Invited, p.Response })
            .FirstOrDefaultAsync(ct);
        if (place is null || !(place.Invited || place.Response == ParticipantResponse.SignedUp))
        {
            throw new ForbiddenException(activity.Mode == AttendanceMode.SignUp
                ? "您未报名本次活动，不能签到。"
                : "您不在本次活动的参加名单中，不能签到。");
        }

        return await MarkAsync(activity, place.Id, SignInMethod.ActivityCode, ct);
    }

    /// <summary>Staff scan (or type) a member's 履职码.</summary>
    public async Task<SignInOutcome> SignInByMemberCodeAsync(Guid activityId, string? dutyCode, CancellationToken ct = default)
    {
        var activity = OpenForSignIn(await access.LoadActivityForManagerAsync(activityId, ct));
        var code = dutyCode?.Trim() ?? "";
        if (code.Length is 0 or > 64)
        {
            throw new ValidationFailedException("code", "请扫描或输入委员的履职码。");
        }

        var member = await db.Members.AsNoTracking().Where(m => m.DutyCode == code).Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailedException("code", "未找到该履职码对应的委员，请核对后重试。");
        var place = await db.ActivityParticipants.AsNoTracking()
            .Where(p => p.ActivityId == activityId && p.MemberId == member.Id && (p.Invited || p.Response == ParticipantResponse.SignedUp))
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException($"{member.Name}不在本次活动的参加名单中。");
        return await MarkAsync(activity, place, SignInMethod.MemberCode, ct);
    }

    /// <summary>工作人员补签 – staff tick a participant in the list.</summary>
    public async Task<SignInOutcome> SignInManuallyAsync(Guid activityId, Guid participantId, CancellationToken ct = default)
    {
        var activity = OpenForSignIn(await access.LoadActivityForManagerAsync(activityId, ct));
        var exists = await db.ActivityParticipants.AnyAsync(p => p.Id == participantId && p.ActivityId == activityId, ct);
        return exists ? await MarkAsync(activity, participantId, SignInMethod.Manual, ct) : throw new NotFoundException("参加人");
    }

    /// <summary>The staff screen's current code (and the count), refreshed by the page every window.</summary>
    public async Task<SignInScreen> ScreenAsync(Guid activityId, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForManagerAsync(activityId, ct);
        var window = (await settings.GetAsync(activity.CommitteeId, ct)).SignInCodeSeconds;
        var now = time.GetUtcNow();
        var code = SignInCode.Current(activity.SignInSecret, now, window);
        var (signedIn, expected) = await CountAsync(activity.Id, activity.Mode, ct);
        var left = (int)(window - (now.ToUnixTimeSeconds() % window));
        return new SignInScreen(activity.Id, activity.Title, code, $"/c/s/{activity.Id}/{code}", window, left, signedIn, expected);
    }

    /// <summary>签到人数 / 应到人数: expected are the invited (must-attend) or signed-up places, less approved leave.</summary>
    public async Task<(int SignedIn, int Expected)> CountAsync(Guid activityId, AttendanceMode mode, CancellationToken ct = default)
    {
        var places = db.ActivityParticipants.AsNoTracking().Where(p => p.ActivityId == activityId);
        var counts = await places.GroupBy(_ => 1).Select(g => new
        {
            SignedIn = g.Count(p => p.SignedInAt != null),
            Expected = g.Count(p => p.Leave != LeaveStatus.Approved && p.Response != ParticipantResponse.Declined
                && (mode == AttendanceMode.MustAttend ? p.Invited : p.Response == ParticipantResponse.SignedUp)),
        }).FirstOrDefaultAsync(ct);
        return (counts?.SignedIn ?? 0, counts?.Expected ?? 0);
    }

    private Activity OpenForSignIn(Activity activity)
    {
        if (activity.Status != ActivityStatus.Published)
        {
            throw new ConflictException(activity.Status == ActivityStatus.Closed ? "活动已结束，不能再签到。" : $"活动{activity.Status.DisplayName()}，不能签到。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (now < activity.StartsAt - Margin)
        {
            throw new ConflictException($"签到尚未开始（活动开始前两小时开放，{BeijingTime.FromUtc(activity.StartsAt - Margin):M月d日 HH:mm} 起）。");
        }

        if (now > activity.EndsAt + Margin)
        {
            throw new ConflictException("签到已结束（活动结束两小时后关闭）。");
        }

        return activity;
    }

    /// <summary>The one write: audit entry first (it takes the audit chain's lock, always before any row
    /// lock, as every save does), then <c>UPDATE … WHERE SignedInAt IS NULL</c>; when another sign-in won,
    /// nothing is written and the member is reported as already signed in.</summary>
    private async Task<SignInOutcome> MarkAsync(Activity activity, Guid participantId, SignInMethod method, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Audit("活动签到", nameof(ActivityParticipant), participantId.ToString(), "成功",
            $"活动：{activity.Title}（{activity.Id}）；方式：{method.DisplayName()}");
        await db.SaveChangesAsync(ct);
        var updated = await db.ActivityParticipants
            .Where(p => p.Id == participantId && p.SignedInAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.SignedInAt, now)
                .SetProperty(p => p.SignInMethod, method)
                .SetProperty(p => p.Version, p => p.Version + 1), ct);
        if (updated == 1)
        {
            await tx.CommitAsync(ct);
        }
        else
        {
            await tx.RollbackAsync(ct);
        }

        var stored = await db.ActivityParticipants.AsNoTracking().Where(p => p.Id == participantId)
            .Join(db.Members, p => p.MemberId, m => m.Id, (p, m) => new { m.Name, p.SignedInAt })
            .SingleAsync(ct);
        return new SignInOutcome(participantId, stored.Name, stored.SignedInAt ?? now, updated == 0);
    }
}
