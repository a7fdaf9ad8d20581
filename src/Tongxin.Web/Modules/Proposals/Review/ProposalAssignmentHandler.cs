using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Proposals.Review;

/// <summary>One unit in an assignment request.</summary>
public sealed record UnitChoice(Guid HandlingUnitId, AssignmentRole Role);

/// <summary>交办 – staff assign filed proposals to handling units, answer return requests
/// (申退), move units (调整单位) and extend deadlines (延期).</summary>
public sealed class ProposalAssignmentHandler(
    TongxinDbContext db, ProposalAccess access, IActorAccessor actors, ProposalSettingsStore settings,
    WorkingDayCalendar calendar, TimeProvider time)
{
    public const int MaxReasonLength = 500;

    /// <summary>交办 a filed proposal: 单办 one unit; 主办+协办 one lead and at least one co-unit;
    /// 分办 at least two units that each reply. Deadline = today + the committee's months, moved
    /// to the next working day.</summary>
    public async Task AssignAsync(Guid id, AssignmentMode mode, IReadOnlyList<UnitChoice> units, CancellationToken ct = default)
    {
        var p = await access.LoadForStaffAsync(id, ct);
        await AssignLoadedAsync(p, mode, units, await ProposerIdsAsync(p.Id, ct), ct);
        await db.SaveActionAsync(ct);
    }

    /// <summary>交办 of a 社情民意转办 case made in the caller's unit of work (not saved yet): the
    /// caller (the 转办 handler) has checked that the actor manages the report, and saves the case,
    /// its assignments and the report in one transaction.</summary>
    public Task AssignNewCaseAsync(Proposal handlingCase, AssignmentMode mode, IReadOnlyList<UnitChoice> units, CancellationToken ct = default)
    {
        if (handlingCase.SourceReportId is null || !ProposalAccess.CanManage(actors.Actor, handlingCase))
        {
            throw new ForbiddenException("只有具有社情民意管理权限的本级工作人员可以转办。");
        }

        return AssignLoadedAsync(handlingCase, mode, units, [], ct);
    }

    private async Task AssignLoadedAsync(Proposal p, AssignmentMode mode, IReadOnlyList<UnitChoice> units, IReadOnlyList<Guid> proposerIds, CancellationToken ct)
    {
        var now = Now;
        ProposalStateMachine.Ensure(p, ProposalAction.Assign);
        units = ValidateUnits(mode, units);
        var names = await UnitNamesAsync(p.CommitteeId, units.Select(u => u.HandlingUnitId), ct);
        var s = await settings.GetAsync(p.CommitteeId, ct);
        var deadline = await calendar.MonthsLaterAsync(BeijingTime.Today(time), s.DeadlineMonths, ct);
        foreach (var u in units)
        {
            db.ProposalAssignments.Add(new ProposalAssignment
            {
                CommitteeId = p.CommitteeId,
                ProposalId = p.Id,
                HandlingUnitId = u.HandlingUnitId,
                HandlingUnitName = names[u.HandlingUnitId],
                Role = u.Role,
                Status = AssignmentStatus.Pending,
                Round = p.Round,
                AssignedAt = now,
                Deadline = deadline,
            });
        }

        ProposalStateMachine.Move(p, ProposalAction.Assign, now);
        p.AssignmentMode = mode;
        p.AssignedAt = now;
        p.Deadline = deadline;
        var text = string.Join("，", units.Select(u => $"{names[u.HandlingUnitId]}（{u.Role.DisplayName()}）"));
        ProposalTimeline.Add(db, p, ProposalEventKind.Assigned, await db.ActorNameAsync(actors.Actor, ct), $"交办{mode.DisplayName()}：{text}；办理期限{deadline:yyyy-MM-dd}", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Assigned,
            $"{ProposalAccess.Label(p)}《{p.Title}》已交办{text}，办理期限{deadline:yyyy年M月d日}。",
            proposerIds, [.. units.Select(u => u.HandlingUnitId)]));
    }

    /// <summary>Staff answer a 申退: refuse (the unit keeps handling) or approve by moving the
    /// part to another unit, which gets a fresh deadline.</summary>
    public async Task DecideReturnAsync(Guid assignmentId, bool approve, Guid? newUnitId, string? note, CancellationToken ct = default)
    {
        var (p, assignment) = await LoadAssignmentAsync(assignmentId, ct);
        ProposalStateMachine.Ensure(p, ProposalAction.DecideReturnRequest);
        if (assignment.Status != AssignmentStatus.ReturnRequested)
        {
            throw new ConflictException("该单位没有待处理的退回申请。");
        }

        new Validation().MaxLength(note, MaxReasonLength, "note", "处理意见")
            .Require(approve || !string.IsNullOrWhiteSpace(note), "note", "不同意退回时请写明理由。")
            .Require(!approve || newUnitId is not null, "newUnitId", "同意退回时请选择新的承办单位。")
            .ThrowIfInvalid();
        var now = Now;
        var name = await db.ActorNameAsync(actors.Actor, ct);
        if (approve)
        {
            await MoveToUnitAsync(p, assignment, newUnitId!.Value, now, name, $"同意{assignment.HandlingUnitName}退回", ct);
        }
        else
        {
            assignment.Status = assignment.AcceptedAt is null ? AssignmentStatus.Pending : AssignmentStatus.Accepted;
            assignment.ReturnDecisionNote = note!.Trim();
            db.Touch(p, now);
            ProposalTimeline.Add(db, p, ProposalEventKind.ReturnDecided, name, $"不同意{assignment.HandlingUnitName}退回：{assignment.ReturnDecisionNote}", now);
            db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.ReturnDecided,
                $"{ProposalAccess.Label(p)}《{p.Title}》的退回申请未获同意：{assignment.ReturnDecisionNote}", [], [assignment.HandlingUnitId]));
        }

        await db.SaveActionAsync(ct);
    }

    /// <summary>调整单位 without a request: the part moves to another unit.</summary>
    public async Task ReassignAsync(Guid assignmentId, Guid newUnitId, string reason, CancellationToken ct = default)
    {
        var (p, assignment) = await LoadAssignmentAsync(assignmentId, ct);
        ProposalStateMachine.Ensure(p, ProposalAction.Reassign);
        if (assignment.Status is AssignmentStatus.Returned or AssignmentStatus.Replied)
        {
            throw new ConflictException("该单位已退回或已答复，不能调整。");
        }

        new Validation().NotBlank(reason, "reason", "调整理由").MaxLength(reason, MaxReasonLength, "reason", "调整理由").ThrowIfInvalid();
        await MoveToUnitAsync(p, assignment, newUnitId, Now, await db.ActorNameAsync(actors.Actor, ct), $"调整承办单位（{reason.Trim()}）", ct);
        await db.SaveActionAsync(ct);
    }

    /// <summary>延期: a later deadline, never beyond assignment + the committee's maximum months.</summary>
    public async Task ExtendDeadlineAsync(Guid assignmentId, DateOnly newDeadline, string reason, CancellationToken ct = default)
    {
        var (p, assignment) = await LoadAssignmentAsync(assignmentId, ct);
        ProposalStateMachine.Ensure(p, ProposalAction.ExtendDeadline);
        var s = await settings.GetAsync(p.CommitteeId, ct);
        var cap = DateOnly.FromDateTime(BeijingTime.FromUtc(assignment.AssignedAt)).AddMonths(s.MaxDeadlineMonths);
        new Validation().NotBlank(reason, "reason", "延期理由").MaxLength(reason, MaxReasonLength, "reason", "延期理由")
            .Require(newDeadline > assignment.Deadline, "newDeadline", $"新期限须晚于当前期限{assignment.Deadline:yyyy-MM-dd}。")
            .Require(newDeadline <= cap, "newDeadline", $"办理期限最长为交办后{s.MaxDeadlineMonths}个月，即不晚于{cap:yyyy-MM-dd}。")
            .ThrowIfInvalid();
        var now = Now;
        var name = await db.ActorNameAsync(actors.Actor, ct);
        db.ProposalDeadlineChanges.Add(new ProposalDeadlineChange
        {
            CommitteeId = p.CommitteeId,
            ProposalId = p.Id,
            AssignmentId = assignment.Id,
            From = assignment.Deadline,
            To = newDeadline,
            Reason = reason.Trim(),
            ChangedBy = name,
            ChangedAt = now,
        });
        ProposalTimeline.Add(db, p, ProposalEventKind.DeadlineExtended, name,
            $"{assignment.HandlingUnitName}办理期限由{assignment.Deadline:yyyy-MM-dd}延至{newDeadline:yyyy-MM-dd}：{reason.Trim()}", now);
        assignment.Deadline = newDeadline;
        assignment.OverdueNotifiedAt = null;
        assignment.SoonDueNotifiedAt = null;
        await RefreshDeadlineAsync(p, ct);
        db.Touch(p, now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.DeadlineExtended,
            $"{ProposalAccess.Label(p)}《{p.Title}》的办理期限已延至{newDeadline:yyyy年M月d日}。", [], [assignment.HandlingUnitId]));
        await db.SaveActionAsync(ct);
    }

    private async Task MoveToUnitAsync(Proposal p, ProposalAssignment from, Guid newUnitId, DateTime now, string actorName, string why, CancellationToken ct)
    {
        var active = await db.ProposalAssignments
            .Where(x => x.ProposalId == p.Id && x.Id != from.Id && x.Status != AssignmentStatus.Returned)
            .Select(x => x.HandlingUnitId).ToListAsync(ct);
        if (newUnitId == from.HandlingUnitId || active.Contains(newUnitId))
        {
            throw new ValidationFailedException("newUnitId", "新承办单位已在办理该提案，请选择其他单位。");
        }

        var names = await UnitNamesAsync(p.CommitteeId, [newUnitId], ct);
        var s = await settings.GetAsync(p.CommitteeId, ct);
        var deadline = await calendar.MonthsLaterAsync(BeijingTime.Today(time), s.DeadlineMonths, ct);
        from.Status = AssignmentStatus.Returned;
        db.ProposalAssignments.Add(new ProposalAssignment
        {
            CommitteeId = p.CommitteeId,
            ProposalId = p.Id,
            HandlingUnitId = newUnitId,
            HandlingUnitName = names[newUnitId],
            Role = from.Role,
            Status = AssignmentStatus.Pending,
            Round = p.Round,
            AssignedAt = now,
            Deadline = deadline,
        });
        db.Touch(p, now);
        p.Deadline = p.Deadline is { } d && d < deadline ? d : deadline;
        ProposalTimeline.Add(db, p, ProposalEventKind.ReturnDecided, actorName,
            $"{why}，改由{names[newUnitId]}（{from.Role.DisplayName()}）办理，期限{deadline:yyyy-MM-dd}", now);
        db.Raise(new ProposalChanged(p.Id, p.CommitteeId, ProposalEventKind.Assigned,
            $"{ProposalAccess.Label(p)}《{p.Title}》改由{names[newUnitId]}办理，办理期限{deadline:yyyy年M月d日}。",
            [], [from.HandlingUnitId, newUnitId]));
    }

    /// <summary>The proposal's deadline is the earliest of its active replying parts.</summary>
    private async Task RefreshDeadlineAsync(Proposal p, CancellationToken ct)
    {
        var parts = db.ProposalAssignments.Local.Where(x => x.ProposalId == p.Id)
            .Concat(await db.ProposalAssignments.Where(x => x.ProposalId == p.Id).ToListAsync(ct))
            .DistinctBy(x => x.Id)
            .Where(x => x.Replies && x.Status != AssignmentStatus.Returned && x.Status != AssignmentStatus.Replied)
            .ToList();
        p.Deadline = parts.Count == 0 ? p.Deadline : parts.Min(x => x.Deadline);
    }

    private async Task<(Proposal, ProposalAssignment)> LoadAssignmentAsync(Guid assignmentId, CancellationToken ct)
    {
        var assignment = await db.ProposalAssignments.FirstOrDefaultAsync(x => x.Id == assignmentId, ct)
            ?? throw new NotFoundException("交办记录");
        var p = await access.LoadForStaffAsync(assignment.ProposalId, ct);
        return (p, assignment);
    }

    private static IReadOnlyList<UnitChoice> ValidateUnits(AssignmentMode mode, IReadOnlyList<UnitChoice> units)
    {
        units = [.. units.DistinctBy(u => u.HandlingUnitId)];
        var leads = units.Count(u => u.Role == AssignmentRole.Lead);
        var ok = mode switch
        {
            AssignmentMode.Single => units.Count == 1 && units[0].Role == AssignmentRole.Single,
            AssignmentMode.LeadWithCo => leads == 1 && units.Count >= 2 && units.All(u => u.Role is AssignmentRole.Lead or AssignmentRole.Co),
            AssignmentMode.Split => units.Count >= 2 && units.All(u => u.Role == AssignmentRole.Split),
            _ => false,
        };
        if (!ok)
        {
            throw new ValidationFailedException("units", mode switch
            {
                AssignmentMode.Single => "单办须选择且只能选择一个承办单位。",
                AssignmentMode.LeadWithCo => "主办+协办须选择一个主办单位和至少一个协办单位。",
                AssignmentMode.Split => "分办须选择至少两个承办单位。",
                _ => "请选择交办方式。",
            });
        }

        return units;
    }

    private async Task<Dictionary<Guid, string>> UnitNamesAsync(Guid committeeId, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.ToList();
        var names = await db.HandlingUnits.Where(u => wanted.Contains(u.Id) && u.CommitteeId == committeeId && u.IsActive)
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        if (names.Count != wanted.Count)
        {
            throw new ValidationFailedException("units", "请选择本级政协在用的承办单位。");
        }

        return names;
    }

    private async Task<IReadOnlyList<Guid>> ProposerIdsAsync(Guid proposalId, CancellationToken ct) =>
        await db.ProposalSigners.Where(s => s.ProposalId == proposalId && s.Status == SignerStatus.Confirmed).Select(s => s.MemberId).ToListAsync(ct);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
