using Tongxin.Platform.Events;

namespace Tongxin.Modules.Consultation;

/// <summary>出勤已确定 – one per participant, raised in the save that closes an activity. Duty
/// performance (issue 7) turns it into points and the annual report's counts.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="CommitteeId">Its committee.</param>
/// <param name="MemberId">The participant.</param>
/// <param name="Type">The activity's type.</param>
/// <param name="Attendance">出席 / 请假 / 缺席 (never Pending).</param>
/// <param name="MustAttend">Whether attendance was required (absence from a must-attend activity costs points).</param>
/// <param name="HalfDays">The activity's half-days.</param>
/// <param name="Date">The activity's date (Beijing).</param>
public sealed record ActivityAttendanceFixed(
    Guid ActivityId,
    Guid CommitteeId,
    Guid MemberId,
    ActivityType Type,
    Attendance Attendance,
    bool MustAttend,
    int HalfDays,
    DateOnly Date) : IDomainEvent;

/// <summary>意见建议变动 – raised when a suggestion is assigned, answered or closed, for the inbox of
/// the unit and the member who raised it.</summary>
public sealed record ConsultationSuggestionChanged(
    Guid SuggestionId,
    Guid CommitteeId,
    SuggestionStatus Status,
    string Summary,
    Guid? HandlingUnitId,
    IReadOnlyList<Guid> RecipientMemberIds) : IDomainEvent;
