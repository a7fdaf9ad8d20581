using Tongxin.Platform.Events;

namespace Tongxin.Modules.Opinions;

/// <summary>社情民意变动 – raised (with <c>db.Raise</c>) by every action that changes a report, in
/// the same save. The search index re-reads the report; notifications tell the recipients; the
/// cross-level handler carries an upper committee's decision back to the original; duty
/// performance (issue 7) reads outcomes.</summary>
/// <param name="ReportId">The report.</param>
/// <param name="CommitteeId">Its committee.</param>
/// <param name="Action">What happened.</param>
/// <param name="Summary">One Chinese sentence for the inbox, e.g. "您报送的信息《…》已被采用".</param>
/// <param name="RecipientMemberIds">Members the action concerns (the authors), if any.</param>
public sealed record OpinionChanged(
    Guid ReportId,
    Guid CommitteeId,
    OpinionAction Action,
    string Summary,
    IReadOnlyList<Guid> RecipientMemberIds) : IDomainEvent;
