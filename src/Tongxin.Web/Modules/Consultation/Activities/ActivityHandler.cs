using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Activities;

/// <summary>A choice in the form's drop-downs.</summary>
public sealed record ActivityOption(Guid Id, string Name);

/// <summary>What the activity form offers: the committee's special committees, sectors, member groups and members.</summary>
public sealed record ActivityOptions(
    IReadOnlyList<ActivityOption> SpecialCommittees,
    IReadOnlyList<ActivityOption> Sectors,
    IReadOnlyList<ActivityOption> Groups,
    IReadOnlyList<ActivityOption> Members);

/// <summary>活动管理 – staff create, edit, invite, publish, cancel and close activities (DESIGN.md
/// "Who may do what": staff with <c>consultations</c> of the activity's committee; staff with
/// <c>supervision</c> for activities of type 民主监督).</summary>
public sealed class ActivityHandler(TongxinDbContext db, ConsultationAccess access, IActorAccessor actors, TimeProvider time)
{
    public const int MaxTextList = 2000;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<ActivityOptions> OptionsAsync(CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        return new ActivityOptions(
            await db.SpecialCommittees.AsNoTracking().Where(x => x.CommitteeId == committeeId).OrderBy(x => x.Name)
                .Select(x => new ActivityOption(x.Id, x.Name)).ToListAsync(ct),
            await db.Sectors.AsNoTracking().Where(x => x.CommitteeId == committeeId).OrderBy(x => x.SortOrder)
                .Select(x => new ActivityOption(x.Id, x.Name)).ToListAsync(ct),
            await db.MemberGroups.AsNoTracking().Where(x => x.CommitteeId == committeeId).OrderBy(x => x.Name)
                .Select(x => new ActivityOption(x.Id, x.Name)).ToListAsync(ct),
            await db.Members.AsNoTracking().Where(x => x.CommitteeId == committeeId && x.IsActive).OrderBy(x => x.Name)
                .Select(x => new ActivityOption(x.Id, x.Name)).ToListAsync(ct));
    }

    /// <summary>A new activity's form: empty, or filled from a plan item (title, type, organiser, lead leader, month).</summary>
    public async Task<ActivityInput> NewInputAsync(Guid? planItemId, CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        var today = BeijingTime.Today(time);
        var start = today.AddDays(14).ToDateTime(new TimeOnly(9, 0));
        var input = new ActivityInput { StartsAt = start, EndsAt = start.AddHours(3) };
        if (planItemId is { } id)
        {
            var item = await PlanItemAsync(committeeId, id, ct);
            var plan = await db.ConsultationPlans.AsNoTracking().Where(p => p.Id == item.PlanId).Select(p => p.Year).SingleAsync(ct);
            var itemStart = new DateOnly(plan, item.Month, 1) < today ? start : new DateOnly(plan, item.Month, 15).ToDateTime(new TimeOnly(9, 0));
            input.PlanItemId = id;
            input.Title = item.Title;
            input.Type = item.ActivityType;
            input.Organizer = item.Organizer;
            input.LeadLeader = item.LeadLeader;
            input.StartsAt = itemStart;
            input.EndsAt = itemStart.AddHours(3);
        }

        return input;
    }

    public async Task<ActivityInput> GetInputAsync(Guid id, CancellationToken ct = default)
    {
        var a = await access.LoadActivityForManagerAsync(id, ct);
        return new ActivityInput
        {
            Type = a.Type,
            Title = a.Title,
            Topic = a.Topic,
            Venue = a.Venue,
            OnlineLink = a.OnlineLink,
            StartsAt = BeijingTime.FromUtc(a.StartsAt),
            EndsAt = BeijingTime.FromUtc(a.EndsAt),
            HalfDays = a.HalfDays,
            Organizer = a.Organizer,
            SpecialCommitteeId = a.SpecialCommitteeId,
            SectorId = a.SectorId,
            MemberGroupId = a.MemberGroupId,
            LeadLeader = a.LeadLeader,
            InvitedDepartments = a.InvitedDepartments,
            MassRepresentatives = a.MassRepresentatives,
            Mode = a.Mode,
            Capacity = a.Capacity,
            SignUpDeadline = a.SignUpDeadline is { } d ? BeijingTime.FromUtc(d) : null,
            PlanItemId = a.PlanItemId,
            Version = a.Version,
        };
    }

    /// <summary>Creates a draft; from a plan item it links both ways (the item's ActivityId).</summary>
    public async Task<Guid> CreateAsync(ActivityInput input, CancellationToken ct = default)
    {
        var committeeId = OwnCommittee();
        var activity = new Activity
        {
            CommitteeId = committeeId,
            Status = ActivityStatus.Draft,
            SignInSecret = SignInCode.NewSecret(),
            CreatedAt = Now,
        };
        await ApplyAsync(activity, input, ct);
        if (input.PlanItemId is { } itemId)
        {
            // Plan items are the consultation plan's: only its staff carry them out.
            access.RequireStaff();
            var item = await PlanItemAsync(committeeId, itemId, ct, tracked: true);
            if (item.ActivityId is not null)
            {
                throw new ValidationFailedException(nameof(ActivityInput.PlanItemId), "该计划事项已有对应的活动。");
            }

            item.ActivityId = activity.Id;
            activity.PlanItemId = item.Id;
        }

        db.Activities.Add(activity);
        await db.SaveConsultationAsync(ct);
        return activity.Id;
    }

    public async Task UpdateAsync(Guid id, ActivityInput input, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForManagerAsync(id, ct);
        RequireOpen(activity);
        db.Entry(activity).Property(a => a.Version).OriginalValue = input.Version;
        if (input.Mode == AttendanceMode.SignUp && input.Capacity is { } capacity)
        {
            // A capacity below the places already taken would make the list over-full.
            var signedUp = await db.ActivityParticipants.CountAsync(p => p.ActivityId == id && p.Response == ParticipantResponse.SignedUp, ct);
            if (capacity < signedUp)
            {
                throw new ValidationFailedException(nameof(ActivityInput.Capacity), $"已有 {signedUp} 人报名，名额不能少于已报名人数。");
            }
        }

        await ApplyAsync(activity, input, ct);
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>Invites the members of a special committee / sector / group and picked members (only
    /// active members of the activity's committee). Returns how many were newly invited; a published
    /// activity's new invitees are told in their inbox.</summary>
    public async Task<int> InviteAsync(Guid id, InviteInput input, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForManagerAsync(id, ct);
        RequireOpen(activity);
        var committeeId = activity.CommitteeId;
        var picked = input.MemberIds.Distinct().ToList();
        if (input.SpecialCommitteeId is null && input.SectorId is null && input.MemberGroupId is null && picked.Count == 0)
        {
            throw new ValidationFailedException(nameof(InviteInput.MemberIds), "请选择要邀请的专委会、界别、委员小组或委员。");
        }

        var members = db.Members.AsNoTracking().Where(m => m.CommitteeId == committeeId && m.IsActive);
        var sc = input.SpecialCommitteeId;
        var sector = input.SectorId;
        var group = input.MemberGroupId;
        var ids = await members.Where(m => picked.Contains(m.Id)
                || (sc != null && m.SpecialCommittees.Any(s => s.SpecialCommitteeId == sc))
                || (sector != null && m.SectorId == sector)
                || (group != null && m.Groups.Any(g => g.GroupId == group)))
            .Select(m => m.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            throw new ValidationFailedException(nameof(InviteInput.MemberIds), "所选范围内没有本级政协的在任委员。");
        }

        var existing = await db.ActivityParticipants.Where(p => p.ActivityId == id && ids.Contains(p.MemberId)).ToListAsync(ct);
        var newlyInvited = new List<Guid>();
        foreach (var p in existing.Where(p => !p.Invited))
        {
            p.Invited = true;
            newlyInvited.Add(p.MemberId);
        }

        var have = existing.Select(p => p.MemberId).ToHashSet();
        foreach (var memberId in ids.Where(m => !have.Contains(m)))
        {
            db.ActivityParticipants.Add(new ActivityParticipant { CommitteeId = committeeId, ActivityId = id, MemberId = memberId, Invited = true });
            newlyInvited.Add(memberId);
        }

        if (activity.Status == ActivityStatus.Published && newlyInvited.Count > 0)
        {
            db.Raise(Invitation(activity, newlyInvited));
        }

        await db.SaveConsultationAsync(ct);
        return newlyInvited.Count;
    }

    /// <summary>Removes a member's place before the activity is held (a wrong invitation); a place with
    /// a sign-in stays.</summary>
    public async Task RemoveParticipantAsync(Guid id, Guid participantId, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForManagerAsync(id, ct);
        RequireOpen(activity);
        var p = await db.ActivityParticipants.FirstOrDefaultAsync(x => x.Id == participantId && x.ActivityId == id, ct)
            ?? throw new NotFoundException("参加人");
        if (p.SignedInAt is not null)
        {
            throw new ConflictException("该委员已签到，不能移出名单。");
        }

        db.ActivityParticipants.Remove(p);
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>发布 – members see the activity from now on; the invited are told in their inbox.</summary>
    public async Task PublishAsync(Guid id, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForManagerAsync(id, ct);
        if (activity.Status != ActivityStatus.Draft)
        {
            throw new ConflictException($"活动{activity.Status.DisplayName()}，不能发布。");
        }

        if (activity.EndsAt <= Now)
        {
            throw new ConflictException("活动时间已过，请先修改时间再发布。");
        }

        activity.Status = ActivityStatus.Published;
        activity.PublishedAt = Now;
        var invited = await db.ActivityParticipants.Where(p => p.ActivityId == id && p.Invited).Select(p => p.MemberId).ToListAsync(ct);
        if (invited.Count > 0)
        {
            db.Raise(Invitation(activity, invited));
        }

        await db.SaveConsultationAsync(ct);
    }

    /// <summary>取消 – a draft or published activity; the participants of a published one are told.</summary>
    public async Task CancelAsync(Guid id, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForManagerAsync(id, ct);
        if (activity.Status is not (ActivityStatus.Draft or ActivityStatus.Published))
        {
            throw new ConflictException($"活动{activity.Status.DisplayName()}，不能取消。");
        }

        if (activity.Status == ActivityStatus.Published)
        {
            var members = await db.ActivityParticipants
                .Where(p => p.ActivityId == id && (p.Invited || p.Response == ParticipantResponse.SignedUp))
                .Select(p => p.MemberId).ToListAsync(ct);
            if (members.Count > 0)
            {
                db.Raise(new ActivityNotice(activity.Id, activity.CommitteeId, "活动已取消",
                    $"「{activity.Title}」（原定 {When(activity)}）已取消。", members));
            }
        }

        activity.Status = ActivityStatus.Cancelled;
        activity.CancelledAt = Now;
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>结束活动 – fixes every participant's attendance and raises one
    /// <see cref="ActivityAttendanceFixed"/> per counted participant in the same save (DESIGN.md
    /// "Closing an activity"). The activity's row version makes a second, concurrent close fail.</summary>
    public async Task<int> CloseAsync(Guid id, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForManagerAsync(id, ct);
        if (activity.Status == ActivityStatus.Closed)
        {
            throw new ConflictException("活动已结束，出勤已确定，不能重复结束。");
        }

        if (activity.Status != ActivityStatus.Published)
        {
            throw new ConflictException($"活动{activity.Status.DisplayName()}，不能结束。");
        }

        if (Now < activity.EndsAt)
        {
            throw new ConflictException($"活动尚未结束（{BeijingTime.FromUtc(activity.EndsAt):yyyy-MM-dd HH:mm} 结束），结束后才能确认出勤。");
        }

        var date = DateOnly.FromDateTime(BeijingTime.FromUtc(activity.StartsAt));
        var participants = await db.ActivityParticipants.Where(p => p.ActivityId == id).ToListAsync(ct);
        var counted = 0;
        foreach (var p in participants)
        {
            p.Attendance = AttendanceOf(activity.Mode, p);
            if (p.Attendance != Attendance.NotCounted)
            {
                counted++;
                db.Raise(new ActivityAttendanceFixed(activity.Id, activity.CommitteeId, p.MemberId, activity.Type, p.Attendance,
                    activity.Mode == AttendanceMode.MustAttend, activity.HalfDays, date));
            }
        }

        activity.Status = ActivityStatus.Closed;
        activity.ClosedAt = Now;
        await db.SaveConsultationAsync(ct);
        return counted;
    }

    /// <summary>The rule of DESIGN.md: signed in → 出席; approved leave → 请假; in a 报名参加 activity
    /// those who declined or never signed up → 不计; everyone else → 缺席.</summary>
    public static Attendance AttendanceOf(AttendanceMode mode, ActivityParticipant p) =>
        p.SignedInAt is not null ? Attendance.Present
        : p.Leave == LeaveStatus.Approved ? Attendance.OnLeave
        : mode == AttendanceMode.SignUp && p.Response != ParticipantResponse.SignedUp ? Attendance.NotCounted
        : Attendance.Absent;

    internal static string When(Activity a) => $"{BeijingTime.FromUtc(a.StartsAt):yyyy年M月d日 HH:mm}";

    private static ActivityNotice Invitation(Activity a, IReadOnlyList<Guid> members) => new(
        a.Id,
        a.CommitteeId,
        a.Mode == AttendanceMode.MustAttend ? "活动通知" : "活动报名邀请",
        $"「{a.Title}」（{a.Type.DisplayName()}）定于 {When(a)} 在{(string.IsNullOrWhiteSpace(a.Venue) ? "线上" : a.Venue)}举行，"
            + (a.Mode == AttendanceMode.MustAttend ? "请准时参加；不能参加的请提交请假申请。" : "欢迎报名参加。"),
        members);

    private async Task ApplyAsync(Activity a, ActivityInput input, CancellationToken ct)
    {
        var committeeId = a.CommitteeId;
        var v = new Validation()
            .Require(Enum.IsDefined(input.Type), nameof(input.Type), "请选择活动类型。")
            .Require(!Enum.IsDefined(input.Type) || ConsultationAccess.MayManage(actors.Actor, input.Type), nameof(input.Type),
                "只能管理民主监督类型的活动（其他类型需要协商议政管理权限）。")
            .NotBlank(input.Title, nameof(input.Title), "活动名称")
            .MaxLength(input.Title?.Trim(), 100, nameof(input.Title), "活动名称")
            .MaxLength(input.Topic, 4000, nameof(input.Topic), "协商议题")
            .MaxLength(input.Venue?.Trim(), 200, nameof(input.Venue), "地点")
            .MaxLength(input.OnlineLink?.Trim(), 500, nameof(input.OnlineLink), "线上链接")
            .MaxLength(input.Organizer?.Trim(), 100, nameof(input.Organizer), "组织者")
            .MaxLength(input.LeadLeader?.Trim(), 50, nameof(input.LeadLeader), "牵头领导")
            .MaxLength(input.InvitedDepartments, MaxTextList, nameof(input.InvitedDepartments), "邀请部门")
            .MaxLength(input.MassRepresentatives, MaxTextList, nameof(input.MassRepresentatives), "群众代表")
            .Require(!string.IsNullOrWhiteSpace(input.Venue) || !string.IsNullOrWhiteSpace(input.OnlineLink), nameof(input.Venue), "请填写活动地点或线上会议链接。")
            .Require(string.IsNullOrWhiteSpace(input.OnlineLink) || IsHttpLink(input.OnlineLink.Trim()), nameof(input.OnlineLink), "线上会议链接须以 http:// 或 https:// 开头。")
            .Require(input.StartsAt is not null, nameof(input.StartsAt), "请填写开始时间。")
            .Require(input.EndsAt is not null, nameof(input.EndsAt), "请填写结束时间。")
            .Require(input.StartsAt is null || input.EndsAt is null || input.EndsAt > input.StartsAt, nameof(input.EndsAt), "结束时间须晚于开始时间。")
            .Require(input.HalfDays is >= 1 and <= 20, nameof(input.HalfDays), "半天数须在 1 到 20 之间。")
            .Require(Enum.IsDefined(input.Mode), nameof(input.Mode), "请选择参加方式。")
            .Require(input.Capacity is null || input.Capacity is >= 1 and <= 100_000, nameof(input.Capacity), "名额须为正整数。")
            .Require(input.Mode == AttendanceMode.SignUp || (input.Capacity is null && input.SignUpDeadline is null), nameof(input.Mode),
                "名额和报名截止时间只适用于报名参加的活动。")
            .Require(input.SignUpDeadline is null || input.StartsAt is null || input.SignUpDeadline <= input.StartsAt, nameof(input.SignUpDeadline),
                "报名截止时间不能晚于活动开始时间。");
        var organizer = input.Organizer?.Trim() ?? "";
        if (input.SpecialCommitteeId is { } sc)
        {
            var name = await db.SpecialCommittees.Where(x => x.Id == sc && x.CommitteeId == committeeId).Select(x => x.Name).FirstOrDefaultAsync(ct);
            v.Require(name is not null, nameof(input.SpecialCommitteeId), "所选专委会不属于本级政协。");
            organizer = name ?? organizer;
        }
        else if (input.SectorId is { } sector)
        {
            var name = await db.Sectors.Where(x => x.Id == sector && x.CommitteeId == committeeId).Select(x => x.Name).FirstOrDefaultAsync(ct);
            v.Require(name is not null, nameof(input.SectorId), "所选界别不属于本级政协。");
            organizer = name is null ? organizer : name + "界别";
        }
        else if (input.MemberGroupId is { } group)
        {
            var name = await db.MemberGroups.Where(x => x.Id == group && x.CommitteeId == committeeId).Select(x => x.Name).FirstOrDefaultAsync(ct);
            v.Require(name is not null, nameof(input.MemberGroupId), "所选委员小组不属于本级政协。");
            organizer = name ?? organizer;
        }

        v.Require(organizer.Length > 0, nameof(input.Organizer), "请选择或填写组织者。");
        v.ThrowIfInvalid();

        a.Type = input.Type;
        a.Title = input.Title?.Trim() ?? "";
        a.Topic = input.Topic?.Trim() ?? "";
        a.Venue = input.Venue?.Trim() ?? "";
        a.OnlineLink = string.IsNullOrWhiteSpace(input.OnlineLink) ? null : input.OnlineLink.Trim();
        a.StartsAt = ToUtc(input.StartsAt!.Value);
        a.EndsAt = ToUtc(input.EndsAt!.Value);
        a.HalfDays = input.HalfDays;
        a.Organizer = organizer.Length > 100 ? organizer[..100] : organizer;
        a.SpecialCommitteeId = input.SpecialCommitteeId;
        a.SectorId = input.SpecialCommitteeId is null ? input.SectorId : null;
        a.MemberGroupId = input.SpecialCommitteeId is null && input.SectorId is null ? input.MemberGroupId : null;
        a.LeadLeader = input.LeadLeader?.Trim() ?? "";
        a.InvitedDepartments = input.InvitedDepartments?.Trim() ?? "";
        a.MassRepresentatives = input.MassRepresentatives?.Trim() ?? "";
        a.Mode = input.Mode;
        a.Capacity = input.Mode == AttendanceMode.SignUp ? input.Capacity : null;
        a.SignUpDeadline = input.Mode == AttendanceMode.SignUp && input.SignUpDeadline is { } d ? ToUtc(d) : null;
    }

    /// <summary>A Beijing wall-clock time from the form as UTC.</summary>
    public static DateTime ToUtc(DateTime beijing) => DateTime.SpecifyKind(beijing - BeijingTime.Offset, DateTimeKind.Utc);

    private static bool IsHttpLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void RequireOpen(Activity a)
    {
        if (a.Status is ActivityStatus.Closed or ActivityStatus.Cancelled)
        {
            throw new ConflictException($"活动{a.Status.DisplayName()}，不能再修改。");
        }
    }

    private async Task<ConsultationPlanItem> PlanItemAsync(Guid committeeId, Guid id, CancellationToken ct, bool tracked = false)
    {
        var q = tracked ? db.ConsultationPlanItems : db.ConsultationPlanItems.AsNoTracking();
        return await q.FirstOrDefaultAsync(x => x.Id == id && x.CommitteeId == committeeId, ct) ?? throw new NotFoundException("计划事项");
    }

    private Guid OwnCommittee()
    {
        access.RequireManager();
        return actors.Actor.CommitteeId ?? throw new ForbiddenException("账号未归属任何政协组织。");
    }
}
