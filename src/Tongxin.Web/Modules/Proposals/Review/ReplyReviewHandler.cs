using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Review;

/// <summary>答复审核 – staff pass a unit's reply or send it back (驳回重办). When every replying
/// unit of the round has a passed reply, the replies go to the proposers for rating.</summary>
public sealed class ReplyReviewHandler(TongxinDbContext db, ProposalAccess access, IActorAccessor actors, TimeProvider time)
{
    public async Task ApproveAsync(Guid replyId, CancellationToken ct = default)
    {
        var (p, reply, assignment) = await LoadAsync(replyId, ct);
        var now = Now;
        var name = await db.ActorNameAsync(actors.Actor, ct);
        reply.Status = ReplyStatus.Approved;
        reply.ReviewedAt = now;
        reply.ReviewNote = null;
        assignment.Status = AssignmentStatus.Replied;
        db.Touch(p, now);
        p.ReplyClass = reply.ReplyClass;
        ProposalTimeline.Add(db, p, ProposalEventKind.ReplyReviewed, name, $"{reply.HandlingUnitName}的答复审核通过（{reply.ReplyClass}类）", now);

        // A unit's part counts as answered only when its reply of this round has passed review
        // (a submitted reply already marks the part 已答复 for the unit).
        var round = p.Round;
        var waiting = await db.ProposalAssignments
            .Where(x => x.ProposalId == p.Id && x.Id != assignment.Id && x.Role != AssignmentRole.Co
                && x.Status != AssignmentStatus.Returned
                && !db.ProposalReplies.Any(r => r.AssignmentId == x.Id && r.Round == round && r.Status == ReplyStatus.Approved))
            .CountAsync(ct);
        if (waiting == 0)
        {
            ProposalStateMachine.Move(p, ProposalAction.AllRepliesApproved, now);
            p.RepliedAt = now;
            p.FirstRepliedAt ??= now;
            var raters = await RaterIdsAsync(p, ct);
            if (raters.Count == 0)
            {
                // A 转办 case of a report without a member author (a public reporter, a liaison
                // point): nobody is asked to rate, so the case is done once its replies are approved.
                ProposalStateMachine.Move(p, ProposalAction.Complete, now);
                p.CompletedAt = now;
                ProposalTimeline.Add(db, p, ProposalEventKind.Completed, name, "答复已审核通过；报送人不是委员，无需征询意见，办结", now);
                db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Completed,
                    $"{ProposalAccess.Label(p)}《{p.Title}》的答复已审核通过，已办结。", [], [assignment.HandlingUnitId]));
            }
            else
            {
                ProposalTimeline.Add(db, p, ProposalEventKind.Replied, name, p.SourceReportId is null ? $"答复已送达提案人，请提案人评价（第{p.Round}轮）" : $"答复已送达报送人，请报送人评价（第{p.Round}轮）", now);
                db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Replied,
                    $"{ProposalAccess.Label(p)}《{p.Title}》已答复，请查看答复并评价办理情况。", raters, [assignment.HandlingUnitId]));
            }
        }
        else
        {
            db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.ReplyReviewed,
                $"{ProposalAccess.Label(p)}《{p.Title}》的答复已审核通过。", [], [assignment.HandlingUnitId]));
        }

        await db.SaveActionAsync(ct);
    }

    /// <summary>驳回重办: the unit sees the note, edits the reply and submits it again.</summary>
    public async Task RejectAsync(Guid replyId, string note, CancellationToken ct = default)
    {
        new Validation().NotBlank(note, "note", "驳回理由").MaxLength(note, 1000, "note", "驳回理由").ThrowIfInvalid();
        var (p, reply, assignment) = await LoadAsync(replyId, ct);
        var now = Now;
        reply.Status = ReplyStatus.Rejected;
        reply.ReviewedAt = now;
        reply.ReviewNote = note.Trim();
        db.Touch(p, now);
        ProposalTimeline.Add(db, p, ProposalEventKind.ReplyReviewed, await db.ActorNameAsync(actors.Actor, ct),
            $"{reply.HandlingUnitName}的答复被驳回重办：{reply.ReviewNote}", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.ReplyReviewed,
            $"{ProposalAccess.Label(p)}《{p.Title}》的答复被驳回重办：{reply.ReviewNote}", [], [assignment.HandlingUnitId]));
        await db.SaveActionAsync(ct);
    }

    /// <summary>Who rates: the lead proposer of the proposal and of every proposal merged into it
    /// (a 转办 case: the report's lead author; none when the report has no member author).</summary>
    internal static async Task<IReadOnlyList<Guid>> RaterIdsAsync(TongxinDbContext db, Proposal p, CancellationToken ct) =>
        await db.Proposals.Where(x => (x.Id == p.Id || x.MergedIntoId == p.Id) && x.LeadMemberId != Guid.Empty)
            .Select(x => x.LeadMemberId).Distinct().ToListAsync(ct);

    private Task<IReadOnlyList<Guid>> RaterIdsAsync(Proposal p, CancellationToken ct) => RaterIdsAsync(db, p, ct);

    private async Task<(Proposal, ProposalReply, ProposalAssignment)> LoadAsync(Guid replyId, CancellationToken ct)
    {
        var reply = await db.ProposalReplies.FirstOrDefaultAsync(r => r.Id == replyId, ct) ?? throw new NotFoundException("答复");
        var p = await access.LoadForStaffAsync(reply.ProposalId, ct);
        ProposalStateMachine.Ensure(p, ProposalAction.ReviewReply);
        if (reply.Status != ReplyStatus.Submitted)
        {
            throw new ConflictException($"该答复当前为“{reply.Status.DisplayName()}”，只有待审核的答复可以审核。");
        }

        if (reply.Round != p.Round)
        {
            throw new ConflictException("该答复不属于本轮办理，不能审核。");
        }

        var assignment = await db.ProposalAssignments.FirstAsync(x => x.Id == reply.AssignmentId, ct);
        if (assignment.Status == AssignmentStatus.Returned)
        {
            throw new ConflictException("该单位已退回此提案，其答复不能再审核。");
        }

        return (p, reply, assignment);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
