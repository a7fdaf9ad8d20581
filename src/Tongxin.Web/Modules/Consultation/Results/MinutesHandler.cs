using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Attachments;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Notifications;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Results;

/// <summary>One leader's 阅批 as shown.</summary>
public sealed record ReadingView(Guid LeaderUserId, string LeaderName, string Instruction, DateTime ReadAt);

/// <summary>The minutes page of an activity: the activity, the minutes (or the due date of those not
/// written yet), the file, the readings, and what the reader may do.</summary>
public sealed record MinutesView(
    Guid ActivityId, string ActivityTitle, ActivityStatus ActivityStatus, DateTime EndsAt, DateOnly DueDate, ActivityMinutes? Minutes,
    string? FileName, IReadOnlyList<ReadingView> Readings, bool Overdue, bool IsStaff, bool IsLeader, bool HasRead)
{
    public bool Uploaded => Minutes?.UploadedAt is not null;

    public bool Sent => Minutes?.SentAt is not null;

    public bool CanEdit => IsStaff && ActivityStatus == ActivityStatus.Closed && !Sent;

    public bool CanSend => CanEdit && Uploaded;

    public bool CanRead => IsLeader && Sent && !HasRead;
}

/// <summary>One line of the leader's 待阅批纪要 list.</summary>
public sealed record MinutesToReadRow(Guid ActivityId, string ActivityTitle, ActivityType Type, DateTime EndsAt, DateTime SentAt, bool Read);

/// <summary>协商纪要 – staff write the minutes of a closed activity and/or upload the file, then 报送
/// to the committee's leaders, who each record one 阅批. Due = the activity's end date + the
/// committee's minutes working days; overdue when not uploaded after that day.</summary>
public sealed class MinutesHandler(
    TongxinDbContext db, ConsultationAccess access, ConsultationSettingsStore settings, WorkingDayCalendar calendar,
    AttachmentService attachments, NotificationService notifications, IActorAccessor actors)
{
    public const string AttachmentOwner = "ActivityMinutes";
    public const int TextMax = 20000;
    public const int InstructionMax = 1000;

    private Actor Actor => actors.Actor;

    private DateTime Now => db.Time.GetUtcNow().UtcDateTime;

    /// <summary>报送期限: the activity's end date (Beijing) + the committee's minutes working days.</summary>
    public async Task<DateOnly> DueDateAsync(Guid committeeId, DateTime endsAtUtc, CancellationToken ct = default)
    {
        var days = (await settings.GetAsync(committeeId, ct)).MinutesWorkingDays;
        return await calendar.AddWorkingDaysAsync(DateOnly.FromDateTime(BeijingTime.FromUtc(endsAtUtc)), days, ct);
    }

    /// <summary>逾期: not uploaded and today is after the due date.</summary>
    public static bool IsOverdue(DateOnly due, DateTime? uploadedAt, DateOnly today) => uploadedAt is null && today > due;

    /// <summary>The minutes page: consultation staff and leaders of the activity's committee.</summary>
    public async Task<MinutesView> GetAsync(Guid activityId, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityAsync(activityId, ct);
        var staff = ConsultationAccess.IsConsultationStaff(Actor) && Actor.CanWrite(activity.CommitteeId);
        var leader = ConsultationAccess.IsLeader(Actor) && Actor.CommitteeId == activity.CommitteeId;
        if (!staff && !leader)
        {
            throw new ForbiddenException("只有协商工作人员和领导可以查看协商纪要。");
        }

        var minutes = await db.ActivityMinutes.AsNoTracking().FirstOrDefaultAsync(m => m.ActivityId == activityId, ct);
        var due = minutes?.DueDate ?? await DueDateAsync(activity.CommitteeId, activity.EndsAt, ct);
        var fileName = minutes?.AttachmentId is { } fileId
            ? await db.Attachments.AsNoTracking().Where(a => a.Id == fileId).Select(a => a.FileName).FirstOrDefaultAsync(ct)
            : null;
        IReadOnlyList<ReadingView> readings = minutes is null
            ? []
            : await db.MinutesReadings.AsNoTracking().Where(r => r.MinutesId == minutes.Id).OrderBy(r => r.ReadAt)
                .Select(r => new ReadingView(r.LeaderUserId, r.LeaderName, r.Instruction, r.ReadAt)).ToListAsync(ct);
        return new MinutesView(activity.Id, activity.Title, activity.Status, activity.EndsAt, due, minutes, fileName, readings,
            activity.Status == ActivityStatus.Closed && IsOverdue(due, minutes?.UploadedAt, calendar.Today), staff, leader,
            readings.Any(r => r.LeaderUserId == Actor.UserId));
    }

    /// <summary>The state the activity page shows (no access check: the caller checked it).</summary>
    public async Task<MinutesState> StateAsync(Guid activityId, CancellationToken ct = default)
    {
        var row = await db.ActivityMinutes.AsNoTracking().Where(m => m.ActivityId == activityId)
            .Select(m => new { m.DueDate, m.UploadedAt, m.SentAt, Readings = db.MinutesReadings.Count(r => r.MinutesId == m.Id) })
            .FirstOrDefaultAsync(ct);
        if (row is not null)
        {
            return new MinutesState(row.DueDate, row.UploadedAt is not null, row.SentAt, row.Readings, IsOverdue(row.DueDate, row.UploadedAt, calendar.Today));
        }

        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == activityId).Select(a => new { a.CommitteeId, a.EndsAt }).FirstAsync(ct);
        var due = await DueDateAsync(activity.CommitteeId, activity.EndsAt, ct);
        return new MinutesState(due, false, null, 0, IsOverdue(due, null, calendar.Today));
    }

    /// <summary>Saves the text of the minutes of a closed activity (before they are sent).</summary>
    public async Task SaveTextAsync(Guid activityId, string? text, CancellationToken ct = default)
    {
        new Validation()
            .NotBlank(text, "Text", "纪要内容")
            .MaxLength(text?.Trim(), TextMax, "Text", "纪要内容")
            .ThrowIfInvalid();
        var minutes = await EditableAsync(activityId, ct);
        minutes.Text = text!.Trim();
        minutes.UploadedAt ??= Now;
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>Uploads the minutes file (it replaces an earlier one).</summary>
    public async Task UploadAsync(Guid activityId, Stream content, string fileName, CancellationToken ct = default)
    {
        var minutes = await EditableAsync(activityId, ct);
        var file = await attachments.UploadAsync(content, fileName, ct);
        if (minutes.AttachmentId is { } old && old != file.Id)
        {
            var previous = await db.Attachments.FirstOrDefaultAsync(a => a.Id == old, ct);
            if (previous is not null)
            {
                db.Attachments.Remove(previous);
            }
        }

        var tracked = await db.Attachments.FirstAsync(a => a.Id == file.Id, ct);
        tracked.OwnerType = AttachmentOwner;
        tracked.OwnerId = minutes.Id;
        minutes.AttachmentId = file.Id;
        minutes.UploadedAt ??= Now;
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>报送: the minutes go to the committee's leaders' inboxes; they cannot change afterwards.</summary>
    public async Task<int> SendAsync(Guid activityId, CancellationToken ct = default)
    {
        var minutes = await EditableAsync(activityId, ct);
        if (minutes.UploadedAt is null)
        {
            throw new ValidationFailedException("Text", "请先填写纪要内容或上传纪要文件，再报送。");
        }

        var title = await db.Activities.Where(a => a.Id == activityId).Select(a => a.Title).FirstAsync(ct);
        minutes.SentAt = Now;
        var leaders = await db.Users.AsNoTracking()
            .Where(u => u.CommitteeId == minutes.CommitteeId && !u.IsDisabled
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Leader)))
            .Select(u => u.Id).ToListAsync(ct);
        db.Audit("报送纪要", nameof(ActivityMinutes), minutes.Id.ToString(), "成功", $"《{title}》报送领导 {leaders.Count} 人");
        try
        {
            // One save: the minutes are marked sent together with the leaders' messages.
            await notifications.NotifyAsync(leaders, "协商纪要待阅批", $"《{title}》的协商纪要已报送，请阅批。", $"/Consultation/Results/Minutes/{activityId}", ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConsultationSave.ConcurrentMessage);
        }

        return leaders.Count;
    }

    /// <summary>阅批 – once per leader; the minutes must have been sent.</summary>
    public async Task ReadAsync(Guid activityId, string? instruction, CancellationToken ct = default)
    {
        access.RequireLeader();
        var minutes = await db.ActivityMinutes.FirstOrDefaultAsync(m => m.ActivityId == activityId, ct) ?? throw new NotFoundException("协商纪要");
        if (Actor.CommitteeId != minutes.CommitteeId || Actor.UserId is not { } userId)
        {
            throw new ForbiddenException("只能阅批本级政协报送的纪要。");
        }

        if (minutes.SentAt is null)
        {
            throw new ConflictException("该纪要尚未报送，暂不能阅批。");
        }

        new Validation()
            .NotBlank(instruction, "Instruction", "阅批意见")
            .MaxLength(instruction?.Trim(), InstructionMax, "Instruction", "阅批意见")
            .ThrowIfInvalid();
        if (await db.MinutesReadings.AnyAsync(r => r.MinutesId == minutes.Id && r.LeaderUserId == userId, ct))
        {
            throw new ConflictException("您已阅批过该纪要，不能重复阅批。");
        }

        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        db.MinutesReadings.Add(new MinutesReading
        {
            CommitteeId = minutes.CommitteeId,
            MinutesId = minutes.Id,
            LeaderUserId = userId,
            LeaderName = Truncate(string.IsNullOrWhiteSpace(name) ? Actor.UserName : name, 50),
            Instruction = instruction!.Trim(),
            ReadAt = Now,
        });
        try
        {
            await db.SaveConsultationAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (minutes, leader) index: the same leader's second click raced the first.
            throw new ConflictException("您已阅批过该纪要，不能重复阅批。");
        }
    }

    /// <summary>待阅批纪要 – the minutes sent to the leader's committee, unread first.</summary>
    public async Task<PagedList<MinutesToReadRow>> ForLeaderAsync(int page, CancellationToken ct = default)
    {
        access.RequireLeader();
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException();
        var userId = Actor.UserId;
        return await (from m in db.ActivityMinutes.AsNoTracking()
                      join a in db.Activities.AsNoTracking() on m.ActivityId equals a.Id
                      where m.CommitteeId == committeeId && m.SentAt != null
                      let read = db.MinutesReadings.Any(r => r.MinutesId == m.Id && r.LeaderUserId == userId)
                      orderby read, m.SentAt descending, m.Id
                      select new MinutesToReadRow(a.Id, a.Title, a.Type, a.EndsAt, m.SentAt!.Value, read))
            .ToPagedListAsync(page, SuggestionQueries.PageSize, ct);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>The activity's minutes for a staff edit, created on first use with their due date.</summary>
    private async Task<ActivityMinutes> EditableAsync(Guid activityId, CancellationToken ct)
    {
        var activity = await access.LoadActivityForStaffAsync(activityId, ct);
        if (activity.Status != ActivityStatus.Closed)
        {
            throw new ConflictException("活动结束（关闭）后才能填写协商纪要。");
        }

        var minutes = await db.ActivityMinutes.FirstOrDefaultAsync(m => m.ActivityId == activityId, ct);
        if (minutes is null)
        {
            minutes = new ActivityMinutes
            {
                CommitteeId = activity.CommitteeId,
                ActivityId = activity.Id,
                DueDate = await DueDateAsync(activity.CommitteeId, activity.EndsAt, ct),
            };
            db.ActivityMinutes.Add(minutes);
        }
        else if (minutes.SentAt is not null)
        {
            throw new ConflictException("纪要已报送，不能再修改。");
        }

        return minutes;
    }
}

/// <summary>The minutes file is read by whoever may read the minutes (staff and leaders of the committee).</summary>
public sealed class MinutesAttachmentAccess(TongxinDbContext db, IActorAccessor actors) : IAttachmentOwnerAccess
{
    public string OwnerType => MinutesHandler.AttachmentOwner;

    public async Task<bool> MayReadAsync(Guid ownerId, CancellationToken ct)
    {
        var actor = actors.Actor;
        var committeeId = await db.ActivityMinutes.Where(m => m.Id == ownerId).Select(m => (Guid?)m.CommitteeId).FirstOrDefaultAsync(ct);
        return committeeId is { } c
            && ((ConsultationAccess.IsConsultationStaff(actor) && actor.CanWrite(c)) || (ConsultationAccess.IsLeader(actor) && actor.CommitteeId == c));
    }
}
