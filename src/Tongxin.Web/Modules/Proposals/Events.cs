using Tongxin.Platform.Events;

namespace Tongxin.Modules.Proposals;

/// <summary>提案变动 – raised (with <c>db.Raise</c>) by every workflow action that changes a
/// proposal, in the same save. The search index re-reads the proposal; notifications look at
/// <see cref="Kind"/> to decide whom to tell.</summary>
/// <param name="ProposalId">The proposal.</param>
/// <param name="CommitteeId">Its committee.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Summary">One Chinese sentence for the inbox, e.g. "您的提案《…》已立案（第0001号）".</param>
/// <param name="RecipientMemberIds">Members the action concerns (co-signers asked, proposers told), if any.</param>
/// <param name="RecipientUnitIds">Handling units the action concerns, if any.</param>
public sealed record ProposalChanged(
    Guid ProposalId,
    Guid CommitteeId,
    ProposalEventKind Kind,
    string Summary,
    IReadOnlyList<Guid> RecipientMemberIds,
    IReadOnlyList<Guid> RecipientUnitIds) : IDomainEvent;
