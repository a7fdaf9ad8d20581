using Tongxin.Platform.Events;

namespace Tongxin.Modules.Performance;

/// <summary>履职记录变动 – a member's own duty record changed in this module (a visit logged or
/// removed, a plan item completed or reopened): the ledger re-collects the member's year.</summary>
public sealed record DutyRecordChanged(Guid CommitteeId, Guid MemberId, int Year) : IDomainEvent;
