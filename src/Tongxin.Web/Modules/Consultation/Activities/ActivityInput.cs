namespace Tongxin.Modules.Consultation.Activities;

/// <summary>活动表单 – what staff enter for an activity. Times are Beijing local times (the form's
/// datetime-local fields); the handler stores UTC.</summary>
public sealed class ActivityInput
{
    public ActivityType Type { get; set; } = ActivityType.PleaseComeConsult;

    public string Title { get; set; } = "";

    public string? Topic { get; set; }

    public string? Venue { get; set; }

    public string? OnlineLink { get; set; }

    public DateTime? StartsAt { get; set; }

    public DateTime? EndsAt { get; set; }

    public int HalfDays { get; set; } = 1;

    /// <summary>组织者 as free text, used when no special committee / sector / group is chosen.</summary>
    public string? Organizer { get; set; }

    public Guid? SpecialCommitteeId { get; set; }

    public Guid? SectorId { get; set; }

    public Guid? MemberGroupId { get; set; }

    public string? LeadLeader { get; set; }

    public string? InvitedDepartments { get; set; }

    public string? MassRepresentatives { get; set; }

    public AttendanceMode Mode { get; set; } = AttendanceMode.MustAttend;

    public int? Capacity { get; set; }

    public DateTime? SignUpDeadline { get; set; }

    /// <summary>The plan item the activity carries out (set from <c>?planItemId=</c> on creation).</summary>
    public Guid? PlanItemId { get; set; }

    /// <summary>The version the form was loaded from (edit only).</summary>
    public int Version { get; set; }
}

/// <summary>邀请委员 – whom to invite: everyone of the chosen special committee / sector / group, plus picked members.</summary>
public sealed class InviteInput
{
    public Guid? SpecialCommitteeId { get; set; }

    public Guid? SectorId { get; set; }

    public Guid? MemberGroupId { get; set; }

    public Guid[] MemberIds { get; set; } = [];
}
