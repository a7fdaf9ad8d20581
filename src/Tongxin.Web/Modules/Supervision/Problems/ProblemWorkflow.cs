using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Supervision.Problems;

/// <summary>交办: the handling unit and a note.</summary>
public sealed record AssignInput(Guid? HandlingUnitId, string? Note);

/// <summary>承办单位答复: the text and 整改情况.</summary>
public sealed record UnitReplyInput(string? Text, RectificationState? Rectification);

/// <summary>回访: how, whom, how satisfied, what was said.</summary>
public sealed record ReturnVisitInput(ReturnVisitMethod? Method, string? Person, VisitSatisfaction? Satisfaction, string? Note);

/// <summary>部门办 → 专委督 – every step after recording: staff assign (答复 due in 5 working days) or
/// dismiss, the assigned unit replies, staff send a reply back (退回重办) or record the return visit,
/// and close (销号) a rectified, return-visited problem. Each step checks the version the actor saw
/// (of two staff acting at once one wins), writes the timeline step, raises
/// <see cref="SupervisionProblemChanged"/> and moves a monitoring point's public letter along – one save.</summary>
public sealed class ProblemWorkflow(TongxinDbContext db, SupervisionAccess access, IActorAccessor actors, WorkingDayCalendar calendar, TimeProvider time)
{
    public const string Concurrent = "该问题已被他人处理，请刷新后重试。";
    public const int MaxNote = 500;
    public const int MaxReply = 4000;
    public const int MaxReason = 200;

    private Actor Actor => actors.Actor;

    public async Task AssignAsync(Guid id, int version, AssignInput input, CancellationToken ct = default)
    {
        var p = await LoadForStaffAsync(id, version, ct);
        RequireStatus(p, "交办", ProblemStatus.Recorded);
        var note = PublicText.Block(input.Note);
        var unit = input.HandlingUnitId is { } unitId
            ? await db.HandlingUnits.Where(u => u.Id == unitId && u.CommitteeId == p.CommitteeId && u.IsActive).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct)
            : null;
        new Validation()
            .Require(unit is not null, nameof(AssignInput.HandlingUnitId), "请选择本级的承办单位。")
            .Text(note, MaxNote, nameof(AssignInput.Note), "交办意见", required: false)
            .ThrowIfInvalid();

        var now = Now;
        p.Status = ProblemStatus.Assigned;
        p.HandlingUnitId = unit!.Id;
        p.AssignedAt = now;
        p.AssignNote = note.Length == 0 ? null : note;
        p.ReplyDueOn = await calendar.AddWorkingDaysAsync(BeijingTime.Today(time), ProblemDeadlines.ReplyWorkingDays, ct);
        p.LastRemindedOn = null;
        var summary = $"{Label(p)}《{p.Title}》已交办{unit.Name}，请于{ProblemDeadlines.Date(p.ReplyDueOn.Value)}前答复。";
        await StepAsync(p, ProblemSteps.Assign, $"交办{unit.Name}，答复期限{ProblemDeadlines.Date(p.ReplyDueOn.Value)}{Suffix(note)}", summary, now, ct);
        await FollowPublicAsync(p, s =>
        {
            s.Status = PublicSubmissionStatus.ForwardedToUnit;
            s.ForwardedUnitId = unit.Id;
        }, ct);
        await SaveAsync(ct);
    }

    /// <summary>不予交办 (reason required).</summary>
    public async Task DismissAsync(Guid id, int version, string? reason, CancellationToken ct = default)
    {
        var p = await LoadForStaffAsync(id, version, ct);
        RequireStatus(p, "不予交办", ProblemStatus.Recorded);
        var text = PublicText.Line(reason);
        new Validation().Text(text, MaxReason, "Reason", "不予交办理由").ThrowIfInvalid();

        var now = Now;
        p.Status = ProblemStatus.Dismissed;
        p.DismissReason = text;
        p.ClosedAt = now;
        await StepAsync(p, ProblemSteps.Dismiss, $"不予交办：{text}", $"{Label(p)}《{p.Title}》不予交办：{text}", now, ct);
        await FollowPublicAsync(p, s =>
        {
            s.Status = PublicSubmissionStatus.Closed;
            s.Reply = $"经核实，该问题不予交办。理由：{text}";
            s.RepliedAt = now;
            s.RepliedByName = "民主监督工作人员";
        }, ct);
        await SaveAsync(ct);
    }

    /// <summary>部门办: the assigned unit's reply with 整改情况.</summary>
    public async Task ReplyAsync(Guid id, int version, UnitReplyInput input, CancellationToken ct = default)
    {
        var unitId = access.RequireUnit();
        var p = await access.LoadProblemAsync(id, ct);
        if (p.HandlingUnitId != unitId)
        {
            throw new NotFoundException("监督问题");
        }

        CheckVersion(p, version);
        RequireStatus(p, "答复", ProblemStatus.Assigned);
        var text = PublicText.Block(input.Text);
        new Validation()
            .Text(text, MaxReply, nameof(UnitReplyInput.Text), "答复内容")
            .Require(input.Rectification is { } r && Enum.IsDefined(r), nameof(UnitReplyInput.Rectification), "请选择整改情况。")
            .ThrowIfInvalid();

        var now = Now;
        var unitName = await db.HandlingUnits.Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync(ct);
        p.Status = ProblemStatus.Replied;
        p.Reply = text;
        p.Rectification = input.Rectification;
        p.RepliedAt = now;
        p.RepliedByName = unitName.Length > 50 ? unitName[..50] : unitName;
        await StepAsync(p, ProblemSteps.Reply, $"{unitName}答复（{input.Rectification!.Value.DisplayName()}）：{text}",
            $"{Label(p)}《{p.Title}》{unitName}已答复，整改情况：{input.Rectification.Value.DisplayName()}。", now, ct);
        await FollowPublicAsync(p, s =>
        {
            s.Status = s.Rating is null ? PublicSubmissionStatus.Replied : s.Status;
            s.Reply = text;
            s.RepliedAt = now;
            s.RepliedByName = p.RepliedByName;
        }, ct);
        await SaveAsync(ct);
    }

    /// <summary>专委督: 退回重办 – back to 办理中 with a new reply deadline (note required).</summary>
    public async Task ReturnAsync(Guid id, int version, string? note, CancellationToken ct = default)
    {
        var p = await LoadForStaffAsync(id, version, ct);
        RequireStatus(p, "退回重办", ProblemStatus.Replied);
        var text = PublicText.Block(note);
        new Validation().Text(text, MaxNote, "Note", "退回意见").ThrowIfInvalid();

        var now = Now;
        p.Status = ProblemStatus.Assigned;
        p.ReturnCount++;
        p.Reply = null;
        p.Rectification = null;
        p.RepliedAt = null;
        p.RepliedByName = null;
        p.ReplyDueOn = await calendar.AddWorkingDaysAsync(BeijingTime.Today(time), ProblemDeadlines.ReplyWorkingDays, ct);
        p.LastRemindedOn = null;
        await StepAsync(p, ProblemSteps.Return, $"退回重办（第{p.ReturnCount}次），新的答复期限{ProblemDeadlines.Date(p.ReplyDueOn.Value)}：{text}",
            $"{Label(p)}《{p.Title}》的答复被退回重办：{text}。请于{ProblemDeadlines.Date(p.ReplyDueOn.Value)}前重新答复。", now, ct);
        await FollowPublicAsync(p, s =>
        {
            // A rated letter keeps what its writer rated; otherwise it waits for the new reply.
            if (s.Rating is null)
            {
                s.Status = PublicSubmissionStatus.ForwardedToUnit;
                s.Reply = null;
                s.RepliedAt = null;
                s.RepliedByName = null;
            }
        }, ct);
        await SaveAsync(ct);
    }

    /// <summary>百分百回访: the return visit to the person concerned.</summary>
    public async Task RecordReturnVisitAsync(Guid id, int version, ReturnVisitInput input, CancellationToken ct = default)
    {
        var p = await LoadForStaffAsync(id, version, ct);
        RequireStatus(p, "回访", ProblemStatus.Replied);
        var person = PublicText.Line(input.Person);
        var note = PublicText.Block(input.Note);
        new Validation()
            .Require(input.Method is { } m && Enum.IsDefined(m), nameof(ReturnVisitInput.Method), "请选择回访方式。")
            .Text(person, 50, nameof(ReturnVisitInput.Person), "回访对象")
            .Require(input.Satisfaction is { } s && Enum.IsDefined(s), nameof(ReturnVisitInput.Satisfaction), "请选择满意度。")
            .Text(note, MaxNote, nameof(ReturnVisitInput.Note), "回访情况", required: false)
            .ThrowIfInvalid();

        var now = Now;
        p.ReturnVisitAt = now;
        p.ReturnVisitMethod = input.Method;
        p.ReturnVisitPerson = person;
        p.ReturnVisitSatisfaction = input.Satisfaction;
        p.ReturnVisitNote = note.Length == 0 ? null : note;
        await StepAsync(p, ProblemSteps.ReturnVisit, $"{input.Method!.Value.DisplayName()}{person}，{input.Satisfaction!.Value.DisplayName()}{Suffix(note)}",
            $"{Label(p)}《{p.Title}》已回访（{input.Satisfaction.Value.DisplayName()}）。", now, ct);
        await SaveAsync(ct);
    }

    /// <summary>销号 – only when 整改情况 = 已整改 and the return visit is recorded.</summary>
    public async Task CloseAsync(Guid id, int version, CancellationToken ct = default)
    {
        var p = await LoadForStaffAsync(id, version, ct);
        RequireStatus(p, "销号", ProblemStatus.Replied);
        if (p.Rectification != RectificationState.Rectified)
        {
            throw new ConflictException($"整改情况为“{p.Rectification?.DisplayName() ?? "未填写"}”，只有“已整改”的问题才能销号；可退回承办单位继续整改。");
        }

        if (p.ReturnVisitAt is null)
        {
            throw new ConflictException("尚未记录回访，请先回访当事人后再销号。");
        }

        var now = Now;
        p.Status = ProblemStatus.Closed;
        p.ClosedAt = now;
        await StepAsync(p, ProblemSteps.Close, "已整改，已回访，销号", $"{Label(p)}《{p.Title}》已整改并回访，予以销号。", now, ct);
        await FollowPublicAsync(p, s => s.Status = PublicSubmissionStatus.Closed, ct);
        await SaveAsync(ct);
    }

    public static string Label(SupervisionProblem p) => ProblemNumbers.Display(p.Year, p.Number);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<SupervisionProblem> LoadForStaffAsync(Guid id, int version, CancellationToken ct)
    {
        access.RequireStaff();
        var p = await access.LoadProblemAsync(id, ct);
        access.RequireStaffOf(p.CommitteeId);
        CheckVersion(p, version);
        return p;
    }

    /// <summary>The version the actor saw: a stale one is the other staff member's win; the row's
    /// original value makes the database refuse a save that raced past this check.</summary>
    private void CheckVersion(SupervisionProblem p, int version)
    {
        if (p.Version != version)
        {
            throw new ConflictException(Concurrent);
        }

        db.Entry(p).Property(x => x.Version).OriginalValue = version;
    }

    private static void RequireStatus(SupervisionProblem p, string action, ProblemStatus expected)
    {
        if (p.Status != expected)
        {
            throw new ConflictException($"该问题当前为“{p.Status.DisplayName()}”，不能{action}。");
        }
    }

    private async Task StepAsync(SupervisionProblem p, string action, string text, string summary, DateTime now, CancellationToken ct)
    {
        ProblemSteps.Add(db, p, now, action, await db.ActorNameAsync(Actor, ct), text);
        db.Raise(new SupervisionProblemChanged(p.Id, p.CommitteeId, p.Status, summary, p.HandlingUnitId, p.ReportedByMemberId));
        // The row changes even when only a step is added, so its version decides between two actions.
        db.Entry(p).Property(x => x.Status).IsModified = true;
    }

    /// <summary>群众评: a monitoring point's letter follows the problem, so the enterprise reads it by its receipt code.</summary>
    private async Task FollowPublicAsync(SupervisionProblem p, Action<PublicSubmission> change, CancellationToken ct)
    {
        if (p.PublicSubmissionId is not { } submissionId)
        {
            return;
        }

        var s = await db.PublicSubmissions.FirstOrDefaultAsync(x => x.Id == submissionId, ct);
        if (s is not null)
        {
            change(s);
            s.LastActivityAt = Now;
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(Concurrent);
        }
    }

    private static string Suffix(string note) => note.Length == 0 ? "" : $"。{note}";
}
