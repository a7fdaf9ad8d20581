using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Handling;

/// <summary>Everything the unit's handling page shows for one proposal.</summary>
public sealed record HandlingView(
    ProposalSummary Proposal,
    MyAssignment Mine,
    IReadOnlyList<OtherUnit> Units,
    IReadOnlyList<ContactRow> Contacts,
    IReadOnlyList<CoOpinionRow> CoOpinions,
    ReplyView? CurrentReply,
    IReadOnlyList<ReplyView> EarlierReplies,
    IReadOnlyList<ReplyClassOption> ReplyClasses,
    IReadOnlyList<TimelineRow> Timeline);

/// <summary>提案概要 – the proposal as the unit reads it.</summary>
public sealed record ProposalSummary(
    Guid Id, string DisplayNumber, string Title, string Situation, string Suggestions, string Category,
    string Proposers, ProposalStatus Status, int Round, AssignmentMode? Mode, string? SessionName)
{
    /// <summary>A 社情民意转办 case: a report handed to the unit; its "proposer" is the report's submitter.</summary>
    public bool IsCase { get; init; }
}

/// <summary>The unit's own assignment with its dates worked out.</summary>
public sealed record MyAssignment(
    Guid Id, AssignmentRole Role, AssignmentStatus Status, DateTime AssignedAt, DateOnly Deadline, int WorkingDaysLeft,
    DateOnly ReturnWindowEnd, bool CanRequestReturn, string? ReturnReason, string? ReturnDecisionNote,
    DateOnly? CoOpinionDeadline, string? CoOpinion, DateTime? CoOpinionAt, bool CoOpinionLate,
    bool CanAccept, bool CanWork, bool CanEditReply, bool CanUpdateItems);

/// <summary>承办单位 – one unit's part in the handling, the unit's own marked.</summary>
public sealed record OtherUnit(string Name, AssignmentRole Role, AssignmentStatus Status, DateOnly Deadline, bool IsMine);

/// <summary>联系记录 – one logged contact with the proposer.</summary>
public sealed record ContactRow(string UnitName, ContactMethod Method, DateOnly Date, string Notes, DateTime RecordedAt, bool IsMine);

/// <summary>协办意见 – a co-unit's opinion (or its absence) with its deadline and whether it is late.</summary>
public sealed record CoOpinionRow(string UnitName, string? Text, DateTime? At, DateOnly Deadline, bool Late);

/// <summary>答复 – one round's reply of the unit with its items.</summary>
public sealed record ReplyView(
    Guid Id, int Round, string Text, string Signer, string ReplyClass, ReplyStatus Status, DateTime? SubmittedAt,
    string? ReviewNote, IReadOnlyList<ReplyItemView> Items);

/// <summary>办理事项 – one item of a reply.</summary>
public sealed record ReplyItemView(Guid Id, int Order, string Commitment, string ResponsibleUnit, DateOnly? PlannedDate, ItemStatus Status, DateTime? StatusChangedAt);

/// <summary>答复类别 – a configured class code and its label.</summary>
public sealed record ReplyClassOption(string Code, string Label);

/// <summary>办理进程 – one timeline entry.</summary>
public sealed record TimelineRow(DateTime At, ProposalEventKind Kind, string ActorName, string Text);

/// <summary>Reads the handling page of a proposal for the unit it is assigned to (404 for anyone else).</summary>
public sealed class UnitHandlingQueries(TongxinDbContext db, ProposalAccess access, ProposalSettingsStore settings, WorkingDayCalendar calendar)
{
    public async Task<HandlingView> GetAsync(Guid proposalId, CancellationToken ct = default)
    {
        var a = await access.LoadOwnAssignmentAsync(proposalId, ct);
        var p = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == proposalId, ct) ?? throw new NotFoundException("提案");
        var s = await settings.GetAsync(p.CommitteeId, ct);
        var rules = await calendar.RulesAsync(ct);
        var today = calendar.Today;

        var session = await db.Sessions.AsNoTracking().Where(x => x.Id == p.SessionId).Select(x => x.Name).FirstOrDefaultAsync(ct);
        var signers = await db.ProposalSigners.AsNoTracking()
            .Where(x => x.ProposalId == p.Id && (x.IsLead || x.Status == SignerStatus.Confirmed))
            .OrderBy(x => x.Order).Select(x => x.MemberName).ToListAsync(ct);
        var proposers = p.GroupName is { Length: > 0 } g ? $"{g}（联系人：{p.LeadMemberName}）" : string.Join("、", signers.DefaultIfEmpty(p.LeadMemberName));
        var isCase = p.SourceReportId is not null;
        var summary = new ProposalSummary(p.Id, isCase ? UnitAssignmentRow.CaseLabel : p.DisplayNumber, p.Title, p.Situation, p.Suggestions, p.Category, proposers, p.Status, p.Round, p.AssignmentMode, session)
        {
            IsCase = isCase,
        };

        var assignments = await db.ProposalAssignments.AsNoTracking().Where(x => x.ProposalId == p.Id)
            .OrderBy(x => x.Role).ThenBy(x => x.AssignedAt).ToListAsync(ct);
        var units = assignments.Select(x => new OtherUnit(x.HandlingUnitName, x.Role, x.Status, x.Deadline, x.Id == a.Id)).ToList();

        var contacts = await db.ProposalContacts.AsNoTracking().Where(x => x.ProposalId == p.Id)
            .OrderByDescending(x => x.Date).ThenByDescending(x => x.RecordedAt)
            .Select(x => new ContactRow(x.RecordedBy, x.Method, x.Date, x.Notes, x.RecordedAt, x.AssignmentId == a.Id)).ToListAsync(ct);

        CoOpinionRow CoRow(ProposalAssignment x)
        {
            var deadline = UnitDeadlines.CoOpinionDeadline(rules, x.AssignedAt, s.CoOpinionMonths);
            var late = x.CoOpinionAt is { } at ? DateOnly.FromDateTime(BeijingTime.FromUtc(at)) > deadline : today > deadline;
            return new CoOpinionRow(x.HandlingUnitName, x.CoOpinion, x.CoOpinionAt, deadline, late);
        }

        // The lead unit reads the co-units' opinions; a co-unit sees only its own (in MyAssignment).
        var coOpinions = a.Role == AssignmentRole.Lead
            ? assignments.Where(x => x.Role == AssignmentRole.Co && x.Status != AssignmentStatus.Returned).Select(CoRow).ToList()
            : [];

        var replies = await db.ProposalReplies.AsNoTracking().Include(r => r.Items)
            .Where(r => r.AssignmentId == a.Id).OrderByDescending(r => r.Round).ToListAsync(ct);
        var current = replies.FirstOrDefault(r => r.Round == p.Round);
        var earlier = replies.Where(r => r.Round != p.Round).Select(ToView).ToList();

        var timeline = await db.ProposalHistory.AsNoTracking().Where(h => h.ProposalId == p.Id)
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new TimelineRow(h.At, h.Kind, h.ActorName, h.Text)).ToListAsync(ct);

        var returnEnd = UnitDeadlines.ReturnWindowEnd(rules, a.AssignedAt, s.ReturnRequestWorkingDays);
        var handling = p.Status == ProposalStatus.Handling;
        var working = handling && a.Status is AssignmentStatus.Accepted or AssignmentStatus.Replied;
        var co = a.Role == AssignmentRole.Co ? CoRow(a) : null;
        var mine = new MyAssignment(
            a.Id, a.Role, a.Status, a.AssignedAt, a.Deadline, UnitDeadlines.WorkingDaysLeft(rules, today, a.Deadline),
            returnEnd, handling && a.Status is AssignmentStatus.Pending or AssignmentStatus.Accepted && a.ReturnRequestedAt is null && today <= returnEnd,
            a.ReturnReason, a.ReturnDecisionNote,
            co?.Deadline, a.CoOpinion, a.CoOpinionAt, co?.Late ?? false,
            CanAccept: handling && a.Status == AssignmentStatus.Pending,
            CanWork: working,
            CanEditReply: working && a.Replies && current?.Status is null or ReplyStatus.Draft or ReplyStatus.Rejected,
            CanUpdateItems: ProposalStateMachine.Allows(p.Status, ProposalAction.UpdateItem));
        return new HandlingView(summary, mine, units, contacts, coOpinions, current is null ? null : ToView(current), earlier, [.. s.ReplyClassList.Select(c => new ReplyClassOption(c.Code, c.Label))], timeline);
    }

    private static ReplyView ToView(ProposalReply r) => new(
        r.Id, r.Round, r.Text, r.Signer, r.ReplyClass, r.Status, r.SubmittedAt, r.ReviewNote,
        [.. r.Items.OrderBy(i => i.Order).Select(i => new ReplyItemView(i.Id, i.Order, i.Commitment, i.ResponsibleUnit, i.PlannedDate, i.Status, i.StatusChangedAt))]);
}
