using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance.Staff;

/// <summary>One editable line of the rule table.</summary>
public sealed class DutyRuleLineInput
{
    public DutyItem Item { get; set; }

    [Display(Name = "分值")]
    public decimal Points { get; set; }

    [Display(Name = "联名/参与分值")]
    public decimal JointPoints { get; set; }

    [Display(Name = "年度上限")]
    public decimal? YearCap { get; set; }
}

/// <summary>The rule table of a committee and year as the form edits it.</summary>
public sealed class DutyRulesInput
{
    public Guid CommitteeId { get; set; }

    public int Year { get; set; }

    /// <summary>The saved set's version the form was filled from (0: the defaults, nothing saved).</summary>
    public int Version { get; set; }

    [Display(Name = "优秀")]
    public decimal ExcellentMin { get; set; }

    [Display(Name = "称职")]
    public decimal CompetentMin { get; set; }

    [Display(Name = "基本称职")]
    public decimal PassMin { get; set; }

    [Display(Name = "全体会议（半天）")]
    public int MinPlenary { get; set; }

    [Display(Name = "其他履职活动（次）")]
    public int MinActivities { get; set; }

    [Display(Name = "提案（件）")]
    public int MinProposals { get; set; }

    [Display(Name = "社情民意（篇）")]
    public int MinReports { get; set; }

    [Display(Name = "向委员公开榜单")]
    public bool PublishLeaderboards { get; set; }

    public List<DutyRuleLineInput> Lines { get; set; } = [];
}

/// <summary>The rule table as the page shows it: the form, the read-only opinion outcome lines
/// (from 社情民意设置), who saved it, whether last year has a set to copy and whether the actor may save.</summary>
public sealed record DutyRulesView(
    DutyRulesInput Input,
    string CommitteeName,
    bool Saved,
    DateTime? UpdatedAt,
    string UpdatedByName,
    IReadOnlyList<KeyValuePair<DutyItem, DutyRuleLine>> OpinionLines,
    bool PreviousYearSaved,
    bool MayEdit);

/// <summary>积分规则 – the committee's rule table per year. Readers (staff who read the committee,
/// its leaders) view it; only 委员履职 staff of the committee save. Saving validates (numbers in
/// range, caps ≥ 0, grade bands descending), refuses a stale form (the set's Version), saves
/// through the normal audited save and rescoring the committee-year. The opinion outcome items
/// are not stored here: their points come from 社情民意设置.</summary>
public sealed class DutyRulesEditor(
    TongxinDbContext db, PerformanceAccess access, DutyLedger ledger, OpinionSettingsStore opinionSettings, IActorAccessor actors, TimeProvider time)
{
    public const decimal MaxPoints = 1000;
    public const decimal MaxScore = 100000;
    public const int MaxMinimum = 1000;
    public const string ConcurrentMessage = "该年度的积分规则刚刚已被他人修改，您的修改未保存。请刷新后重新修改。";

    public async Task<DutyRulesView> GetAsync(Guid committeeId, int year, CancellationToken ct = default)
    {
        access.RequireCommitteeReader(committeeId);
        CommitteeScores.RequireYear(year);
        var set = await LoadAsync(committeeId, year, tracked: false, ct);
        var opinionLines = DutyDefaults.FromOpinionSettings(await opinionSettings.GetAsync(committeeId, ct)).ToList();
        var previous = await db.DutyRuleSets.IgnoreQueryFilters().AnyAsync(s => s.CommitteeId == committeeId && s.Year == year - 1, ct);
        var name = await db.Committees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        return new DutyRulesView(
            ToInput(committeeId, year, set),
            name,
            set is not null,
            set?.UpdatedAt,
            set?.UpdatedByName ?? "",
            opinionLines,
            previous,
            access.IsStaffOf(committeeId));
    }

    /// <summary>The form for a saved set, or the defaults when <paramref name="set"/> is null.</summary>
    public static DutyRulesInput ToInput(Guid committeeId, int year, DutyRuleSet? set)
    {
        var d = set ?? new DutyRuleSet();
        var lines = DutyDefaults.EditableLines(set);
        return new DutyRulesInput
        {
            CommitteeId = committeeId,
            Year = year,
            Version = set?.Version ?? 0,
            ExcellentMin = d.ExcellentMin,
            CompetentMin = d.CompetentMin,
            PassMin = d.PassMin,
            MinPlenary = d.MinPlenary,
            MinActivities = d.MinActivities,
            MinProposals = d.MinProposals,
            MinReports = d.MinReports,
            PublishLeaderboards = d.PublishLeaderboards,
            Lines = [.. DutyDefaults.Editable.Keys.Select(item => new DutyRuleLineInput
            {
                Item = item,
                Points = lines[item].Points,
                JointPoints = lines[item].JointPoints,
                YearCap = lines[item].YearCap,
            })],
        };
    }

    public async Task SaveAsync(DutyRulesInput input, CancellationToken ct = default)
    {
        access.RequireStaffOf(input.CommitteeId);
        Validate(input);
        var set = await LoadAsync(input.CommitteeId, input.Year, tracked: true, ct);
        if (set is null)
        {
            if (input.Version != 0)
            {
                throw new ConflictException(ConcurrentMessage);
            }

            set = new DutyRuleSet { CommitteeId = input.CommitteeId, Year = input.Year, Version = 1 };
            db.DutyRuleSets.Add(set);
        }
        else
        {
            db.Entry(set).Property(x => x.Version).OriginalValue = input.Version;
        }

        Apply(set, input);
        await SaveAndRescoreAsync(set, input.Version == 0, ct);
    }

    /// <summary>复制上一年规则: this year's set becomes a copy of last year's (replacing this year's if saved).</summary>
    public async Task CopyPreviousYearAsync(Guid committeeId, int year, CancellationToken ct = default)
    {
        access.RequireStaffOf(committeeId);
        CommitteeScores.RequireYear(year);
        var previous = await LoadAsync(committeeId, year - 1, tracked: false, ct)
            ?? throw new NotFoundException($"{year - 1}年的积分规则");
        var input = ToInput(committeeId, year, previous);
        var set = await LoadAsync(committeeId, year, tracked: true, ct);
        var isNew = set is null;
        if (set is null)
        {
            set = new DutyRuleSet { CommitteeId = committeeId, Year = year, Version = 1 };
            db.DutyRuleSets.Add(set);
        }

        Apply(set, input);
        await SaveAndRescoreAsync(set, isNew, ct);
    }

    /// <summary>Checks the form; every problem at once, in Chinese.</summary>
    public static void Validate(DutyRulesInput input)
    {
        var v = new Validation()
            .Require(input.Year is >= 2000 and <= 2100, nameof(input.Year), "年度须在2000至2100之间。")
            .Require(input.PassMin is >= 0 and <= MaxScore, nameof(input.PassMin), $"基本称职分数线须在0至{MaxScore}之间。")
            .Require(input.CompetentMin is >= 0 and <= MaxScore, nameof(input.CompetentMin), $"称职分数线须在0至{MaxScore}之间。")
            .Require(input.ExcellentMin is >= 0 and <= MaxScore, nameof(input.ExcellentMin), $"优秀分数线须在0至{MaxScore}之间。")
            .Require(input.ExcellentMin > input.CompetentMin && input.CompetentMin > input.PassMin, nameof(input.ExcellentMin),
                "等次分数线须从高到低：优秀 > 称职 > 基本称职。")
            .Require(input.MinPlenary is >= 0 and <= MaxMinimum, nameof(input.MinPlenary), $"最低履职要求须在0至{MaxMinimum}之间。")
            .Require(input.MinActivities is >= 0 and <= MaxMinimum, nameof(input.MinActivities), $"最低履职要求须在0至{MaxMinimum}之间。")
            .Require(input.MinProposals is >= 0 and <= MaxMinimum, nameof(input.MinProposals), $"最低履职要求须在0至{MaxMinimum}之间。")
            .Require(input.MinReports is >= 0 and <= MaxMinimum, nameof(input.MinReports), $"最低履职要求须在0至{MaxMinimum}之间。");
        var lines = input.Lines ?? [];
        v.Require(lines.All(l => DutyDefaults.Editable.ContainsKey(l.Item)), nameof(input.Lines), "规则表中有不可编辑的事项（社情民意采用和领导批示的分值在社情民意设置中修改）。")
            .Require(lines.Select(l => l.Item).Distinct().Count() == lines.Count, nameof(input.Lines), "规则表中有重复的事项。")
            .Require(DutyDefaults.Editable.Keys.All(k => lines.Any(l => l.Item == k)), nameof(input.Lines), "规则表缺少事项，请刷新后重新填写。");
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var label = DutyDefaults.Editable.ContainsKey(l.Item) ? l.Item.DisplayName() : "事项";
            v.Require(l.Points is >= -MaxPoints and <= MaxPoints, $"Lines[{i}].Points", $"{label}的分值须在-{MaxPoints}至{MaxPoints}之间。")
                .Require(l.JointPoints is >= -MaxPoints and <= MaxPoints, $"Lines[{i}].JointPoints", $"{label}的联名/参与分值须在-{MaxPoints}至{MaxPoints}之间。")
                .Require(l.YearCap is null or (>= 0 and <= MaxScore), $"Lines[{i}].YearCap", $"{label}的年度上限须在0至{MaxScore}之间（不填为不设上限）。");
        }

        v.ThrowIfInvalid();
    }

    private void Apply(DutyRuleSet set, DutyRulesInput input)
    {
        set.ExcellentMin = input.ExcellentMin;
        set.CompetentMin = input.CompetentMin;
        set.PassMin = input.PassMin;
        set.MinPlenary = input.MinPlenary;
        set.MinActivities = input.MinActivities;
        set.MinProposals = input.MinProposals;
        set.MinReports = input.MinReports;
        set.PublishLeaderboards = input.PublishLeaderboards;
        // Always touched, so the set is saved (and its version checked) even when only lines change.
        set.UpdatedAt = time.GetUtcNow().UtcDateTime;
        var who = actors.Actor.UserName;
        set.UpdatedByName = who.Length > 50 ? who[..50] : who;
        foreach (var line in input.Lines)
        {
            var rule = set.Rules.FirstOrDefault(r => r.Item == line.Item);
            if (rule is null)
            {
                rule = new DutyRule { RuleSetId = set.Id, Item = line.Item };
                set.Rules.Add(rule);
                db.DutyRules.Add(rule);
            }

            rule.Points = line.Points;
            rule.JointPoints = line.JointPoints;
            rule.YearCap = line.YearCap;
        }

        // Lines no longer editable (an opinion outcome item saved by an older version) go.
        foreach (var stale in set.Rules.Where(r => !DutyDefaults.Editable.ContainsKey(r.Item)).ToList())
        {
            set.Rules.Remove(stale);
            db.DutyRules.Remove(stale);
        }
    }

    private async Task SaveAndRescoreAsync(DutyRuleSet set, bool isNew, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ConcurrentMessage);
        }
        catch (DbUpdateException) when (isNew)
        {
            // Two first saves of the same committee-year: the unique index keeps the first.
            throw new ConflictException(ConcurrentMessage);
        }

        await ledger.RescoreAsync(set.CommitteeId, set.Year, ct);
    }

    private Task<DutyRuleSet?> LoadAsync(Guid committeeId, int year, bool tracked, CancellationToken ct)
    {
        var q = db.DutyRuleSets.IgnoreQueryFilters().Include(s => s.Rules).Where(s => s.CommitteeId == committeeId && s.Year == year);
        return (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
    }
}
