using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Groups;

/// <summary>监督活动表单 – what staff enter on a group's page. Times are Beijing local times.</summary>
public sealed class SupervisionActivityInput
{
    public SupervisionActivityKind Kind { get; set; } = SupervisionActivityKind.Inspection;

    public string Title { get; set; } = "";

    /// <summary>活动内容 (the engine's <see cref="Activity.Topic"/>).</summary>
    public string? Content { get; set; }

    public string? Venue { get; set; }

    public DateTime? StartsAt { get; set; }

    public DateTime? EndsAt { get; set; }

    public int HalfDays { get; set; } = 1;
}

/// <summary>监督活动 – a group's 视察/调研/座谈/暗访 is an activity of the shared engine (type 民主监督):
/// this creates it through <see cref="ActivityHandler"/> (a must-attend draft organised by the group,
/// the department invited by name), invites the group's supervisors and writes the
/// <see cref="SupervisionActivity"/> link, all in one transaction. Publishing, sign-in, leave and
/// closing (which raises <c>ActivityAttendanceFixed</c>) happen on the engine's activity page.</summary>
public sealed class SupervisionActivityHandler(TongxinDbContext db, SupervisionAccess access, ActivityHandler activities, TimeProvider time)
{
    public const int MaxContent = 2000;

    public SupervisionActivityInput NewInput()
    {
        var start = BeijingTime.Today(time).AddDays(7).ToDateTime(new TimeOnly(9, 0));
        return new SupervisionActivityInput { StartsAt = start, EndsAt = start.AddHours(3) };
    }

    /// <summary>Creates the activity (a draft) for the group; returns the engine's activity id.</summary>
    public async Task<Guid> CreateAsync(Guid groupId, SupervisionActivityInput input, CancellationToken ct = default)
    {
        access.RequireStaff();
        var group = await db.SupervisorGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, ct) ?? throw new NotFoundException("监督小组");
        access.RequireStaffOf(group.CommitteeId);
        if (!group.IsActive)
        {
            throw new ConflictException("该小组已停用，不能新建监督活动。");
        }

        new Validation()
            .Require(Enum.IsDefined(input.Kind), nameof(input.Kind), "请选择活动形式。")
            .MaxLength(input.Content?.Trim(), MaxContent, nameof(input.Content), "活动内容")
            .NotBlank(input.Venue, nameof(input.Venue), "活动地点")
            .ThrowIfInvalid();
        var members = await db.SupervisorGroupMembers.AsNoTracking().Where(m => m.GroupId == groupId)
            .Join(db.Members.Where(x => x.IsActive), m => m.MemberId, x => x.Id, (m, x) => m.MemberId).ToListAsync(ct);
        if (members.Count == 0)
        {
            throw new ValidationFailedException(nameof(input.Title), "小组尚无在任的监督员，请先添加小组成员。");
        }

        var engineInput = new ActivityInput
        {
            Type = ActivityType.Supervision,
            Title = input.Title,
            Topic = input.Content,
            Venue = input.Venue,
            StartsAt = input.StartsAt,
            EndsAt = input.EndsAt,
            HalfDays = input.HalfDays,
            Organizer = group.Name,
            InvitedDepartments = group.Department,
            Mode = AttendanceMode.MustAttend,
        };

        // Three saves of the engine and the link: one transaction, so a failure leaves no half activity.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var activityId = await activities.CreateAsync(engineInput, ct);
        await activities.InviteAsync(activityId, new InviteInput { MemberIds = [.. members] }, ct);
        db.SupervisionActivities.Add(new SupervisionActivity
        {
            CommitteeId = group.CommitteeId,
            ActivityId = activityId,
            GroupId = groupId,
            TopicId = group.TopicId,
            Kind = input.Kind,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return activityId;
    }
}
