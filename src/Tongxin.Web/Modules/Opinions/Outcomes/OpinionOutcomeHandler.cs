using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Opinions.Statistics;
using Tongxin.Modules.Organization;
using Tongxin.Modules.Proposals;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Opinions.Outcomes;

/// <summary>采用登记 – an adoption by an upper level (市/省/全国政协, 党委政府) with its date.</summary>
public sealed class AdoptionInput
{
    [Display(Name = "采用层级")]
    public AdoptionLevel? Level { get; set; }

    [Display(Name = "采用日期")]
    public DateOnly? Date { get; set; }

    /// <summary>综合采用.</summary>
    [Display(Name = "综合采用（与其他信息合并采用）")]
    public bool Combined { get; set; }
}

/// <summary>领导批示登记 – the leader's level, name, date and the instruction's text.</summary>
public sealed class InstructionInput
{
    [Display(Name = "批示领导层级")]
    public InstructionLevel? Level { get; set; }

    [Display(Name = "批示领导")]
    public string? LeaderName { get; set; }

    [Display(Name = "批示日期")]
    public DateOnly? Date { get; set; }

    [Display(Name = "批示内容")]
    public string? Text { get; set; }
}

/// <summary>结果登记 – staff record what became of a report after it was printed: adoption by an
/// upper level, leaders' instructions, corrections of wrong entries, and 上报 to the parent
/// committee. Own-level adoption is recorded by the bulletin when it is issued; outcomes of a copy
/// in the upper committee are carried back by <see cref="CrossLevelForwarding"/>.</summary>
public sealed class OpinionOutcomeHandler(TongxinDbContext db, OpinionAccess access, IActorAccessor actors, TimeProvider time)
{
    public const int MaxTextLength = 2000;
    public const int MaxLeaderLength = 50;

    /// <summary>The levels staff record by hand (本级 comes from the bulletin).</summary>
    public static readonly AdoptionLevel[] UpperLevels =
        [AdoptionLevel.City, AdoptionLevel.Province, AdoptionLevel.National, AdoptionLevel.PartyGovernment];

    private Actor Actor => actors.Actor;

    /// <summary>The level an upper committee's adoption counts as, or null when the committee cannot
    /// receive 上报 (a county has no lower committee here).</summary>
    public static AdoptionLevel? LevelOf(CommitteeLevel committeeLevel) => committeeLevel switch
    {
        CommitteeLevel.City => AdoptionLevel.City,
        CommitteeLevel.Province => AdoptionLevel.Province,
        CommitteeLevel.National => AdoptionLevel.National,
        _ => null,
    };

    /// <summary>Records an adoption by an upper level.</summary>
    public async Task<Guid> RecordAdoptionAsync(Guid reportId, AdoptionInput input, CancellationToken ct = default)
    {
        var report = await access.LoadForStaffAsync(reportId, ct);
        OpinionStateMachine.Ensure(report, OpinionAction.RecordOutcome);
        await ValidateAdoptionAsync(report, input, null, ct);
        var outcome = new OpinionOutcome
        {
            CommitteeId = report.CommitteeId,
            ReportId = report.Id,
            Kind = OpinionOutcomeKind.Adopted,
            Level = input.Level!.Value,
            Combined = input.Combined,
            Date = input.Date!.Value,
        };
        await SaveNewAsync(report, outcome, $"登记{Describe(outcome)}", $"您报送的信息《{report.Title}》已被{outcome.Level.DisplayName()}采用。", ct);
        return outcome.Id;
    }

    /// <summary>Records a leader's instruction.</summary>
    public async Task<Guid> RecordInstructionAsync(Guid reportId, InstructionInput input, CancellationToken ct = default)
    {
        var report = await access.LoadForStaffAsync(reportId, ct);
        OpinionStateMachine.Ensure(report, OpinionAction.RecordOutcome);
        ValidateInstruction(input);
        var outcome = new OpinionOutcome
        {
            CommitteeId = report.CommitteeId,
            ReportId = report.Id,
            Kind = OpinionOutcomeKind.Instruction,
            InstructionLevel = input.Level!.Value,
            LeaderName = input.LeaderName!.Trim(),
            Text = input.Text!.Trim(),
            Date = input.Date!.Value,
        };
        await SaveNewAsync(report, outcome, $"登记{Describe(outcome)}", $"您报送的信息《{report.Title}》获{outcome.InstructionLevel!.Value.DisplayName()}{outcome.LeaderName}批示。", ct);
        return outcome.Id;
    }

    /// <summary>Corrects a wrongly recorded adoption (level, date, combined).</summary>
    public async Task UpdateAdoptionAsync(Guid outcomeId, AdoptionInput input, CancellationToken ct = default)
    {
        var (report, outcome) = await LoadEditableAsync(outcomeId, OpinionOutcomeKind.Adopted, ct);
        await ValidateAdoptionAsync(report, input, outcome.Id, ct);
        var before = Describe(outcome);
        outcome.Level = input.Level!.Value;
        outcome.Combined = input.Combined;
        outcome.Date = input.Date!.Value;
        await SaveCorrectionAsync(report, outcome, $"更正采用记录：{before} → {Describe(outcome)}", ct);
    }

    /// <summary>Corrects a wrongly recorded instruction.</summary>
    public async Task UpdateInstructionAsync(Guid outcomeId, InstructionInput input, CancellationToken ct = default)
    {
        var (report, outcome) = await LoadEditableAsync(outcomeId, OpinionOutcomeKind.Instruction, ct);
        ValidateInstruction(input);
        var before = Describe(outcome);
        outcome.InstructionLevel = input.Level!.Value;
        outcome.LeaderName = input.LeaderName!.Trim();
        outcome.Text = input.Text!.Trim();
        outcome.Date = input.Date!.Value;
        await SaveCorrectionAsync(report, outcome, $"更正批示记录：{before} → {Describe(outcome)}", ct);
    }

    /// <summary>Deletes a wrongly recorded adoption or instruction (the page asks first).</summary>
    public async Task DeleteAsync(Guid outcomeId, CancellationToken ct = default)
    {
        var (report, outcome) = await LoadEditableAsync(outcomeId, null, ct);
        var what = Describe(outcome);
        db.OpinionOutcomes.Remove(outcome);
        db.Audit("删除社情民意结果记录", nameof(OpinionOutcome), outcome.Id.ToString(), "成功", $"《{report.Title}》{what}");
        await SaveCorrectionAsync(report, null, $"删除{what}", ct);
    }

    /// <summary>上报: sends the report to the parent committee. The copy in the parent committee is
    /// written by <see cref="CrossLevelForwarding"/> as the system (the staff member may not write
    /// there); its id is fixed here so the original links to it from the start.</summary>
    public async Task ForwardAsync(Guid reportId, CancellationToken ct = default)
    {
        var report = await access.LoadForStaffAsync(reportId, ct);
        OpinionStateMachine.Ensure(report, OpinionAction.Forward);
        if (report.ForwardedToReportId is not null)
        {
            throw new ConflictException("该信息已上报，不能重复上报。");
        }

        var parent = await ParentOfAsync(report.CommitteeId, ct)
            ?? throw new ConflictException("本级政协没有可上报的上级政协。");
        var level = LevelOf(parent.Level) ?? throw new ConflictException("上级政协的层级不能接收上报。");
        report.ForwardedToReportId = Guid.CreateVersion7();
        var outcome = new OpinionOutcome
        {
            CommitteeId = report.CommitteeId,
            ReportId = report.Id,
            Kind = OpinionOutcomeKind.Forwarded,
            Level = level,
            Date = BeijingTime.Today(time),
        };
        await SaveNewAsync(report, outcome, $"上报{parent.Name}", $"您报送的信息《{report.Title}》已上报{parent.Name}。", ct, OpinionAction.Forward);
    }

    /// <summary>The parent committee, if the report's committee has one.</summary>
    public async Task<Committee?> ParentOfAsync(Guid committeeId, CancellationToken ct = default) =>
        await (from c in db.Committees.AsNoTracking()
               join p in db.Committees.AsNoTracking() on c.ParentId equals p.Id
               where c.Id == committeeId
               select p).FirstOrDefaultAsync(ct);

    /// <summary>An outcome staff may correct: recorded by hand in the own committee. Own-level
    /// adoption follows its bulletin, 上报 its copy, and carried-back outcomes the upper committee.</summary>
    public static bool IsCorrectable(OpinionOutcome o) =>
        o.Kind != OpinionOutcomeKind.Forwarded && o.BulletinId is null && o.FromReportId is null
        && !(o.Kind == OpinionOutcomeKind.Adopted && o.Level == AdoptionLevel.Own);

    /// <summary>Loads an outcome for correction (the edit page): staff of the report's committee, a
    /// hand-recorded outcome, the report in a status that takes outcomes.</summary>
    public Task<(OpinionReport Report, OpinionOutcome Outcome)> LoadForCorrectionAsync(Guid outcomeId, CancellationToken ct = default) =>
        LoadEditableAsync(outcomeId, null, ct);

    private async Task<(OpinionReport Report, OpinionOutcome Outcome)> LoadEditableAsync(Guid outcomeId, OpinionOutcomeKind? kind, CancellationToken ct)
    {
        access.RequireStaff();
        var outcome = await db.OpinionOutcomes.FirstOrDefaultAsync(o => o.Id == outcomeId, ct)
            ?? throw new NotFoundException("结果记录");
        var report = await access.LoadForStaffAsync(outcome.ReportId, ct);
        OpinionStateMachine.Ensure(report, OpinionAction.RecordOutcome);
        if (!IsCorrectable(outcome))
        {
            throw new ConflictException(outcome switch
            {
                { Kind: OpinionOutcomeKind.Forwarded } => "上报记录不能更正或删除。",
                { FromReportId: not null } => "该记录由上级政协的处理结果自动同步，不能在此更正或删除。",
                _ => "本级采用随期刊印发自动登记，不能在此更正或删除。",
            });
        }

        if (kind is { } k && outcome.Kind != k)
        {
            throw new ConflictException("结果记录的种类不符。");
        }

        return (report, outcome);
    }

    private async Task ValidateAdoptionAsync(OpinionReport report, AdoptionInput input, Guid? self, CancellationToken ct)
    {
        var v = new Validation()
            .Require(input.Level is { } l && UpperLevels.Contains(l), nameof(AdoptionInput.Level), "请选择采用层级（本级采用随期刊印发自动登记）。");
        ValidateDate(v, input.Date, nameof(AdoptionInput.Date), "采用日期");
        v.ThrowIfInvalid();
        var level = input.Level!.Value;
        var outcomes = await db.OpinionOutcomes.AsNoTracking().Where(o => o.ReportId == report.Id && o.Id != self)
            .Select(o => new { o.Kind, o.Level }).ToListAsync(ct);
        v.Require(!outcomes.Any(o => o.Kind == OpinionOutcomeKind.Adopted && o.Level == level), nameof(AdoptionInput.Level),
            $"该信息已登记过{level.DisplayName()}采用。");
        // A copy in this deployment brings the upper committee's decision back by itself; a hand
        // entry as well would count it twice.
        v.Require(report.ForwardedToReportId is null || !outcomes.Any(o => o.Kind == OpinionOutcomeKind.Forwarded && o.Level == level),
            nameof(AdoptionInput.Level), $"该信息已上报本系统内的{level.DisplayName()}，其采用情况将在上级处理后自动登记。");
        v.ThrowIfInvalid();
    }

    private void ValidateInstruction(InstructionInput input)
    {
        var v = new Validation()
            .Require(input.Level is { } l && Enum.IsDefined(l), nameof(InstructionInput.Level), "请选择批示领导的层级。")
            .NotBlank(input.LeaderName, nameof(InstructionInput.LeaderName), "批示领导")
            .MaxLength(input.LeaderName?.Trim(), MaxLeaderLength, nameof(InstructionInput.LeaderName), "批示领导")
            .NotBlank(input.Text, nameof(InstructionInput.Text), "批示内容")
            .MaxLength(input.Text?.Trim(), MaxTextLength, nameof(InstructionInput.Text), "批示内容");
        ValidateDate(v, input.Date, nameof(InstructionInput.Date), "批示日期");
        v.ThrowIfInvalid();
    }

    private void ValidateDate(Validation v, DateOnly? date, string field, string label)
    {
        v.Require(date is not null, field, $"请填写{label}。");
        v.Require(date is null || date <= BeijingTime.Today(time), field, $"{label}不能晚于今天。");
        v.Require(date is null || date.Value.Year >= 2000, field, $"{label}不正确。");
    }

    private async Task SaveNewAsync(OpinionReport report, OpinionOutcome outcome, string history, string summary, CancellationToken ct, OpinionAction action = OpinionAction.RecordOutcome)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var name = await db.ActorNameAsync(Actor, ct);
        outcome.RecordedByName = name;
        outcome.RecordedAt = now;
        db.OpinionOutcomes.Add(outcome);
        db.Touch(report, now);
        db.AddHistory(report, name, history, now);
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, action, summary, await AuthorIdsAsync(report.Id, ct)));
        await db.SaveOpinionActionAsync(ct);
    }

    private async Task SaveCorrectionAsync(OpinionReport report, OpinionOutcome? corrected, string history, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var name = await db.ActorNameAsync(Actor, ct);
        if (corrected is not null)
        {
            corrected.RecordedByName = name;
            corrected.RecordedAt = now;
        }

        db.Touch(report, now);
        db.AddHistory(report, name, history, now);
        // Nobody is told of a correction; the event still lets readers of outcomes (points, the
        // upper committee's original) recompute.
        db.Raise(new OpinionChanged(report.Id, report.CommitteeId, OpinionAction.RecordOutcome, $"信息《{report.Title}》的结果记录已更正。", []));
        await db.SaveOpinionActionAsync(ct);
    }

    private async Task<IReadOnlyList<Guid>> AuthorIdsAsync(Guid reportId, CancellationToken ct) =>
        await db.OpinionReportAuthors.Where(a => a.ReportId == reportId).OrderBy(a => a.Order).Select(a => a.MemberId).ToListAsync(ct);

    /// <summary>One outcome in words, for the timeline and the pages ("市政协采用（综合）", "市级领导王某批示").</summary>
    public static string Describe(OpinionOutcome o) => o.Kind switch
    {
        OpinionOutcomeKind.Instruction => $"{o.InstructionLevel?.DisplayName()}{o.LeaderName}批示（{o.Date:yyyy-MM-dd}）",
        OpinionOutcomeKind.Forwarded => $"上报{o.Level.DisplayName()}（{o.Date:yyyy-MM-dd}）",
        _ => $"{o.Level.DisplayName()}采用{(o.Combined ? "（综合）" : "")}（{o.Date:yyyy-MM-dd}）",
    };

    /// <summary>Each member author's points for <paramref name="o"/> under the committee's rules.</summary>
    public static decimal PointsOf(OpinionSettings rules, OpinionOutcome o, int authorCount) =>
        OpinionScoring.AuthorPoints(rules, OutcomeType.Of(o), authorCount);
}
