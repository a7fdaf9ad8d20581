using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Consultation.Results;

/// <summary>登记意见建议 – what staff type for a suggestion raised at an activity: the raiser is a
/// member picked from the list or a free name (a department, a masses' representative).</summary>
public sealed class SuggestionInput
{
    public string Title { get; set; } = "";

    public string Content { get; set; } = "";

    public Guid? RaisedByMemberId { get; set; }

    public string RaisedBy { get; set; } = "";
}

/// <summary>微建言 as a member writes it on the phone.</summary>
public sealed class MicroSuggestionInput
{
    public string Title { get; set; } = "";

    public string Content { get; set; } = "";
}

/// <summary>意见建议办理 – the results loop (DESIGN.md): staff record, assign, follow up and close;
/// the assigned unit answers; members raise 微建言 which staff handle in one step. Every action
/// checks who acts here, not in the page.</summary>
public sealed class SuggestionHandler(TongxinDbContext db, ConsultationAccess access, ConsultationSettingsStore settings, WorkingDayCalendar calendar, IActorAccessor actors)
{
    public const int TitleMax = 100;
    public const int ContentMax = 4000;
    public const int RaisedByMax = 100;
    public const int AnswerMax = 2000;
    public const string OfficeName = "政协办公室";

    private Actor Actor => actors.Actor;

    private DateTime Now => db.Time.GetUtcNow().UtcDateTime;

    /// <summary>登记 a suggestion raised at a published or closed activity.</summary>
    public async Task<Guid> RecordAsync(Guid activityId, SuggestionInput input, CancellationToken ct = default)
    {
        var activity = await access.LoadActivityForStaffAsync(activityId, ct);
        if (activity.Status is not (ActivityStatus.Published or ActivityStatus.Closed))
        {
            throw new ConflictException("只能为已发布或已结束的活动登记意见建议。");
        }

        var (memberId, raisedBy) = await ValidateAsync(input, activity.CommitteeId, ct);
        var suggestion = new ConsultationSuggestion
        {
            CommitteeId = activity.CommitteeId,
            Kind = SuggestionKind.Activity,
            ActivityId = activity.Id,
            Title = input.Title.Trim(),
            Content = input.Content.Trim(),
            RaisedByMemberId = memberId,
            RaisedBy = raisedBy,
            RaisedAt = Now,
            Status = SuggestionStatus.Raised,
        };
        db.ConsultationSuggestions.Add(suggestion);
        await db.SaveConsultationAsync(ct);
        return suggestion.Id;
    }

    /// <summary>修改 – only while nobody has been assigned it yet.</summary>
    public async Task UpdateAsync(Guid id, SuggestionInput input, CancellationToken ct = default)
    {
        var suggestion = await LoadForStaffAsync(id, ct);
        RequireStatus(suggestion, SuggestionStatus.Raised, "只有待交办的意见建议可以修改。");
        var (memberId, raisedBy) = await ValidateAsync(input, suggestion.CommitteeId, ct);
        suggestion.Title = input.Title.Trim();
        suggestion.Content = input.Content.Trim();
        if (suggestion.Kind == SuggestionKind.Activity)
        {
            suggestion.RaisedByMemberId = memberId;
            suggestion.RaisedBy = raisedBy;
        }

        await db.SaveConsultationAsync(ct);
    }

    /// <summary>删除 – only while still 待交办 (a wrongly recorded one); later ones are part of the record.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var suggestion = await LoadForStaffAsync(id, ct);
        RequireStatus(suggestion, SuggestionStatus.Raised, "只有待交办的意见建议可以删除。");
        db.ConsultationSuggestions.Remove(suggestion);
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>交办 (also 微办理 to a unit): the unit gets it with a deadline of the committee's answer
    /// months from today; a deadline on a rest day moves to the next working day.</summary>
    public async Task<DateOnly> AssignAsync(Guid id, Guid? handlingUnitId, CancellationToken ct = default)
    {
        var suggestion = await LoadForStaffAsync(id, ct);
        RequireStatus(suggestion, SuggestionStatus.Raised, "该意见建议已交办，不能重复交办。");
        if (handlingUnitId is not { } unitId)
        {
            throw new ValidationFailedException("HandlingUnitId", "请选择承办单位。");
        }

        var unit = await db.HandlingUnits.AsNoTracking()
            .Where(u => u.Id == unitId && u.CommitteeId == suggestion.CommitteeId && u.IsActive)
            .Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailedException("HandlingUnitId", "所选承办单位不存在或已停用。");
        var answerMonths = (await settings.GetAsync(suggestion.CommitteeId, ct)).AnswerMonths;
        var due = await calendar.MonthsLaterAsync(calendar.Today, answerMonths, ct);
        suggestion.HandlingUnitId = unit.Id;
        suggestion.AssignedAt = Now;
        suggestion.DueDate = due;
        suggestion.Status = SuggestionStatus.Assigned;
        db.Raise(new ConsultationSuggestionChanged(suggestion.Id, suggestion.CommitteeId, SuggestionStatus.Assigned,
            $"《{suggestion.Title}》已交{unit.Name}办理，请于{due:yyyy年M月d日}前答复。", unit.Id, Raiser(suggestion)));
        await db.SaveConsultationAsync(ct);
        return due;
    }

    /// <summary>答复 by the unit it is assigned to: 采纳 / 部分采纳 / 未采纳 with the reason.</summary>
    public async Task AnswerAsync(Guid id, SuggestionAnswer? answer, string? text, CancellationToken ct = default)
    {
        var unitId = access.RequireUnit();
        var suggestion = await db.ConsultationSuggestions.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("意见建议");
        if (suggestion.HandlingUnitId != unitId)
        {
            throw new ForbiddenException("只能答复交给本单位办理的意见建议。");
        }

        RequireStatus(suggestion, SuggestionStatus.Assigned, "该意见建议已答复，不能重复答复。");
        ValidateAnswer(answer, text);
        suggestion.Answer = answer;
        suggestion.AnswerText = text!.Trim();
        suggestion.AnsweredAt = Now;
        suggestion.Status = SuggestionStatus.Answered;
        db.Raise(new ConsultationSuggestionChanged(suggestion.Id, suggestion.CommitteeId, SuggestionStatus.Answered,
            $"《{suggestion.Title}》已答复：{answer!.Value.DisplayName()}。", null, Raiser(suggestion)));
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>回头看 and 办结: staff record how the answer was carried out and close. A 微建言 may be
    /// closed without a note.</summary>
    public async Task CloseAsync(Guid id, string? followUp, CancellationToken ct = default)
    {
        var suggestion = await LoadForStaffAsync(id, ct);
        RequireStatus(suggestion, SuggestionStatus.Answered, "只有已答复的意见建议可以办结。");
        new Validation()
            .Require(suggestion.Kind == SuggestionKind.Micro || !string.IsNullOrWhiteSpace(followUp), "FollowUp", "请填写回头看情况。")
            .MaxLength(followUp?.Trim(), AnswerMax, "FollowUp", "回头看情况")
            .ThrowIfInvalid();
        var now = Now;
        if (!string.IsNullOrWhiteSpace(followUp))
        {
            suggestion.FollowUp = followUp.Trim();
            suggestion.FollowedUpAt = now;
        }

        suggestion.ClosedAt = now;
        suggestion.Status = SuggestionStatus.Closed;
        db.Raise(new ConsultationSuggestionChanged(suggestion.Id, suggestion.CommitteeId, SuggestionStatus.Closed,
            $"《{suggestion.Title}》已办结。", null, Raiser(suggestion)));
        await db.SaveConsultationAsync(ct);
    }

    /// <summary>提微建言 – any member of the committee, from the phone.</summary>
    public async Task<Guid> RaiseMicroAsync(MicroSuggestionInput input, CancellationToken ct = default)
    {
        var memberId = access.RequireMember();
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException("只有委员可以执行此操作。");
        new Validation()
            .NotBlank(input.Title, "Title", "标题")
            .MaxLength(input.Title?.Trim(), TitleMax, "Title", "标题")
            .NotBlank(input.Content, "Content", "建言内容")
            .MaxLength(input.Content?.Trim(), ContentMax, "Content", "建言内容")
            .ThrowIfInvalid();
        var name = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).FirstOrDefaultAsync(ct)
            ?? throw new ForbiddenException("只有委员可以执行此操作。");
        var suggestion = new ConsultationSuggestion
        {
            CommitteeId = committeeId,
            Kind = SuggestionKind.Micro,
            Title = input.Title!.Trim(),
            Content = input.Content!.Trim(),
            RaisedByMemberId = memberId,
            RaisedBy = name,
            RaisedAt = Now,
            Status = SuggestionStatus.Raised,
        };
        db.ConsultationSuggestions.Add(suggestion);
        await db.SaveConsultationAsync(ct);
        return suggestion.Id;
    }

    /// <summary>微办理 by the office itself: staff answer a 微建言 directly and close it in one step.</summary>
    public async Task AnswerAsOfficeAsync(Guid id, SuggestionAnswer? answer, string? text, CancellationToken ct = default)
    {
        var suggestion = await LoadForStaffAsync(id, ct);
        if (suggestion.Kind != SuggestionKind.Micro)
        {
            throw new ConflictException("协商活动中的意见建议须交承办单位办理。");
        }

        RequireStatus(suggestion, SuggestionStatus.Raised, "该微建言已在办理，不能再直接答复。");
        ValidateAnswer(answer, text);
        var now = Now;
        suggestion.Answer = answer;
        suggestion.AnswerText = text!.Trim();
        suggestion.AnsweredAt = now;
        suggestion.ClosedAt = now;
        suggestion.Status = SuggestionStatus.Closed;
        db.Raise(new ConsultationSuggestionChanged(suggestion.Id, suggestion.CommitteeId, SuggestionStatus.Closed,
            $"您的微建言《{suggestion.Title}》已由{OfficeName}答复：{answer!.Value.DisplayName()}。", null, Raiser(suggestion)));
        await db.SaveConsultationAsync(ct);
    }

    private static void ValidateAnswer(SuggestionAnswer? answer, string? text) =>
        new Validation()
            .Require(answer is not null && Enum.IsDefined(answer.Value), "Answer", "请选择采纳情况。")
            .Require(!string.IsNullOrWhiteSpace(text), "AnswerText", "请填写答复理由。")
            .MaxLength(text?.Trim(), AnswerMax, "AnswerText", "答复理由")
            .ThrowIfInvalid();

    private static IReadOnlyList<Guid> Raiser(ConsultationSuggestion s) => s.RaisedByMemberId is { } m ? [m] : [];

    private static void RequireStatus(ConsultationSuggestion s, SuggestionStatus status, string message)
    {
        if (s.Status != status)
        {
            throw new ConflictException(message);
        }
    }

    /// <summary>A suggestion for a staff action: consultation staff of its own committee.</summary>
    private async Task<ConsultationSuggestion> LoadForStaffAsync(Guid id, CancellationToken ct)
    {
        access.RequireStaff();
        var suggestion = await db.ConsultationSuggestions.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("意见建议");
        if (!Actor.CanWrite(suggestion.CommitteeId))
        {
            throw new ForbiddenException("只能办理本级政协的意见建议。");
        }

        return suggestion;
    }

    private async Task<(Guid? MemberId, string RaisedBy)> ValidateAsync(SuggestionInput input, Guid committeeId, CancellationToken ct)
    {
        var v = new Validation()
            .NotBlank(input.Title, "Title", "标题")
            .MaxLength(input.Title?.Trim(), TitleMax, "Title", "标题")
            .NotBlank(input.Content, "Content", "建议内容")
            .MaxLength(input.Content?.Trim(), ContentMax, "Content", "建议内容")
            .MaxLength(input.RaisedBy?.Trim(), RaisedByMax, "RaisedBy", "提出人");
        string? memberName = null;
        if (input.RaisedByMemberId is { } memberId)
        {
            memberName = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.CommitteeId == committeeId)
                .Select(m => m.Name).FirstOrDefaultAsync(ct);
            v.Require(memberName is not null, "RaisedByMemberId", "所选委员不存在。");
        }
        else
        {
            v.Require(!string.IsNullOrWhiteSpace(input.RaisedBy), "RaisedBy", "请选择提出建议的委员或填写提出人。");
        }

        v.ThrowIfInvalid();
        return (input.RaisedByMemberId, memberName ?? input.RaisedBy!.Trim());
    }
}
