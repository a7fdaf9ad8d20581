namespace Tongxin.Platform.Events;

/// <summary>"Something happened": raised by a handler through <c>db.Raise(…)</c>, stored in the
/// outbox with the change, and dispatched after commit. Name events in the past tense
/// (<c>MemberCreated</c>, <c>ProposalFiled</c>); keep them small and serialisable.</summary>
public interface IDomainEvent;
