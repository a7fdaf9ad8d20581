using Tongxin.Platform.Events;

namespace Tongxin.Modules.Organization.Members;

/// <summary>委员新增 – a member was added to a committee's roster (by hand or by import).</summary>
public sealed record MemberCreated(Guid MemberId, Guid CommitteeId) : IDomainEvent;

/// <summary>委员信息变更 – fields of a member's profile changed (staff edit, self-service edit or an approved change request).</summary>
public sealed record MemberProfileChanged(Guid MemberId, Guid CommitteeId, IReadOnlyList<string> Fields) : IDomainEvent;

/// <summary>委员信息修改申请已处理 – staff approved or rejected a member's change request.</summary>
public sealed record ProfileChangeDecided(Guid RequestId, Guid MemberId, Guid CommitteeId, string Field, bool Approved, string? Note) : IDomainEvent;
