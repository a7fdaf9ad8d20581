using Tongxin.Platform.Events;

namespace Tongxin.Modules.Supervision;

/// <summary>监督问题已提出 – raised when a supervisor records a problem (委员提). Duty performance
/// (issue 7) credits the member; the inbox tells the committee's supervision staff.</summary>
public sealed record SupervisionProblemRecorded(
    Guid ProblemId,
    Guid CommitteeId,
    Guid? MemberId,
    Guid? GroupId,
    string Title,
    DateOnly Date) : IDomainEvent;

/// <summary>监督问题状态变动 – assigned, replied, returned, return-visited, closed: the unit's and the
/// reporter's inboxes.</summary>
public sealed record SupervisionProblemChanged(
    Guid ProblemId,
    Guid CommitteeId,
    ProblemStatus Status,
    string Summary,
    Guid? HandlingUnitId,
    Guid? ReporterMemberId) : IDomainEvent;

/// <summary>建议书已送达 – the letter reached its department; duty performance credits the group's
/// supervisors (the drafter as writer).</summary>
public sealed record SupervisionLetterSent(
    Guid LetterId,
    Guid CommitteeId,
    Guid GroupId,
    Guid? DrafterMemberId,
    IReadOnlyList<Guid> GroupMemberIds,
    DateOnly Date) : IDomainEvent;
