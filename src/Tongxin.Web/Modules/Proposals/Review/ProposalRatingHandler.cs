using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Review;

/// <summary>A proposer's answer to 征询意见.</summary>
public sealed record RatingInput(Satisfaction Attitude, Satisfaction Result, OnPoint? OnPoint, string? ConsultedHow, string? Comment);

/// <summary>What a member sees about their pending rating.</summary>
public sealed record RatingState(bool CanRate, DateOnly? DueDate, int Round, ProposalRating? Mine);

/// <summary>征询意见 – each rater (the lead proposer of the proposal and of each proposal merged
/// into it) rates 办理态度 and 办理结果 within the committee's working days. In round 1 a 不满意
/// result sends the proposal back for re-handling (重新办理) by every replying unit.</summary>
public sealed class ProposalRatingHandler(
    TongxinDbContext db, ProposalAccess access, IActorAccessor actors, ProposalSettingsStore settings,
    WorkingDayCalendar calendar, TimeProvider time)
{
    /// <summary>The rating state for the current member on a proposal they can read (the main or a merged one).</summary>
    public async Task<RatingState> StateAsync(Guid proposalId, CancellationToken ct = default)
    {
        var p = await access.LoadAsync(proposalId, ct);
        var main = p.Status == ProposalStatus.Merged && p.MergedIntoId is { } mid
            ? await db.Proposals.AsNoTracking().FirstAsync(x => x.Id == mid, ct)
            : p;
        var memberId = actors.Actor.MemberId;
        if (memberId is null || p.LeadMemberId != memberId)
        {
            return new RatingState(false, null, main.Round, null);
        }

        var mine = await db.ProposalRatings.AsNoTracking()
            .Where(r => r.ForProposalId == p.Id && r.MemberId == memberId && r.Round == main.Round).FirstOrDefaultAsync(ct);
        var due = main.RepliedAt is { } at ? await DueDateAsync(main.CommitteeId, at, ct) : (DateOnly?)null;
        var open = main.Status == ProposalStatus.AwaitingRating && mine is null && due is { } d && BeijingTime.Today(time) <= d;
        return new RatingState(open, due, main.Round, mine);
    }

    public async Task RateAsync(Guid proposalId, RatingInput input, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var own = await access.LoadAsync(proposalId, ct);
        if (own.LeadMemberId != memberId)
        {
            throw new ForbiddenException("只有第一提案人（或联系人）可以评价办理情况。");
        }

        var main = own.Status == ProposalStatus.Merged && own.MergedIntoId is { } mid
            ? await db.Proposals.FirstAsync(x => x.Id == mid, ct)
            : own;
        var now = time.GetUtcNow().UtcDateTime;
        ProposalStateMachine.Ensure(main, ProposalAction.Rate);
        new Validation()
            .Require(Enum.IsDefined(input.Attitude), "attitude", "请评价办理态度。")
            .Require(Enum.IsDefined(input.Result), "result", "请评价办理结果。")
            .Require(input.OnPoint is null || Enum.IsDefined(input.OnPoint.Value), "onPoint", "请选择答复是否针对。")
            .MaxLength(input.ConsultedHow, 100, "consultedHow", "沟通方式")
            .MaxLength(input.Comment, 1000, "comment", "意见建议")
            .ThrowIfInvalid();
        var due = await DueDateAsync(main.CommitteeId, main.RepliedAt!.Value, ct);
        if (BeijingTime.Today(time) > due)
        {
            throw new ConflictException($"评价期限已于{due:yyyy年M月d日}截止。");
        }

        if (await db.ProposalRatings.AnyAsync(r => r.ForProposalId == own.Id && r.MemberId == memberId && r.Round == main.Round, ct))
        {
            throw new ConflictException("您已评价过本轮办理情况。");
        }

        var name = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).FirstAsync(ct);
        db.ProposalRatings.Add(new ProposalRating
        {
            CommitteeId = main.CommitteeId,
            ProposalId = main.Id,
            ForProposalId = own.Id,
            MemberId = memberId,
            MemberName = name,
            Round = main.Round,
            Attitude = input.Attitude,
            Result = input.Result,
            OnPoint = input.OnPoint,
            ConsultedHow = input.ConsultedHow?.Trim(),
            Comment = input.Comment?.Trim(),
            RatedAt = now,
        });
        db.Touch(main, now);
        ProposalTimeline.Add(db, main, ProposalEventKind.Rated, name,
            $"第{main.Round}轮评价：办理态度{input.Attitude.DisplayName()}，办理结果{input.Result.DisplayName()}", now);
        var units = await db.ProposalAssignments
            .Where(x => x.ProposalId == main.Id && x.Status != AssignmentStatus.Returned).Select(x => x.HandlingUnitId).ToListAsync(ct);

        if (input.Result == Satisfaction.Unsatisfied && main.Round == 1)
        {
            await ReopenAsync(main, now, ct);
            ProposalTimeline.Add(db, main, ProposalEventKind.Rehandling, name, "提案人对办理结果不满意，转入重新办理（第2轮）", now);
            db.Raise(new ProposalChanged(main.Id, main.CommitteeId, ProposalEventKind.Rehandling,
                $"{ProposalAccess.Label(main)}《{main.Title}》的提案人对办理结果不满意，请重新办理并再次答复。", [], units));
        }
        else
        {
            var raters = await ReplyReviewHandler.RaterIdsAsync(db, main, ct);
            var rated = await db.ProposalRatings.Where(r => r.ProposalId == main.Id && r.Round == main.Round)
                .Select(r => r.MemberId).ToListAsync(ct);
            rated.Add(memberId);
            if (raters.All(rated.Contains))
            {
                ProposalStateMachine.Move(main, ProposalAction.Complete, now);
                main.CompletedAt = now;
                ProposalTimeline.Add(db, main, ProposalEventKind.Completed, "系统", "提案人均已评价，提案办结", now);
            }

            db.Raise(new ProposalChanged(main.Id, main.CommitteeId, ProposalEventKind.Rated,
                $"{ProposalAccess.Label(main)}《{main.Title}》的提案人已评价：办理态度{input.Attitude.DisplayName()}，办理结果{input.Result.DisplayName()}。", [], units));
        }

        await db.SaveActionAsync(ct);
    }

    /// <summary>Round 2: every replying unit answers again with a fresh deadline.</summary>
    private async Task ReopenAsync(Proposal main, DateTime now, CancellationToken ct)
    {
        ProposalStateMachine.Move(main, ProposalAction.RateUnsatisfied, now);
        main.Round = 2;
        main.RepliedAt = null;
        var s = await settings.GetAsync(main.CommitteeId, ct);
        var deadline = await calendar.MonthsLaterAsync(BeijingTime.Today(time), s.DeadlineMonths, ct);
        var parts = await db.ProposalAssignments
            .Where(x => x.ProposalId == main.Id && x.Role != AssignmentRole.Co && x.Status == AssignmentStatus.Replied).ToListAsync(ct);
        foreach (var part in parts)
        {
            part.Status = AssignmentStatus.Accepted;
            part.Round = 2;
            part.Deadline = deadline;
            part.SoonDueNotifiedAt = null;
            part.OverdueNotifiedAt = null;
        }

        main.Deadline = deadline;
    }

    private async Task<DateOnly> DueDateAsync(Guid committeeId, DateTime repliedAt, CancellationToken ct)
    {
        var s = await settings.GetAsync(committeeId, ct);
        return await calendar.AddWorkingDaysAsync(DateOnly.FromDateTime(BeijingTime.FromUtc(repliedAt)), s.RatingWorkingDays, ct);
    }
}
