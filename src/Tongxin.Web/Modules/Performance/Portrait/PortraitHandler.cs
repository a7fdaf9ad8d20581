using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Evaluation;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance.Portrait;

/// <summary>One point of the trend line.</summary>
public sealed record PortraitTrendPoint(int Year, decimal Total, int Rank);

/// <summary>履职画像 of a member and year.</summary>
public sealed record PortraitView(
    Guid MemberId,
    string MemberName,
    Guid CommitteeId,
    int Year,
    bool HasScore,
    decimal Total,
    int Rank,
    int RankedMembers,
    string Grade,
    IReadOnlyList<RadarAxis> Axes,
    decimal Index,
    IReadOnlyList<PortraitTrendPoint> Trend,
    IReadOnlyList<PortraitTag> Tags,
    bool DefaultDimensions);

/// <summary>One dimension row of the staff form (blank name: the row is unused).</summary>
public sealed class PortraitDimensionInput
{
    [Display(Name = "维度名称")]
    public string? Name { get; set; }

    [Display(Name = "包含类别")]
    public List<DutyCategory> Categories { get; set; } = [];

    [Display(Name = "权重")]
    public decimal? Weight { get; set; } = 1;
}

/// <summary>履职画像 – the radar over the committee's dimensions (<see cref="PortraitRules"/>), the
/// trend of total points over the member's years and the 标签墙. Reads the stored year scores (the
/// ledger keeps them current). Members read their own, staff with 委员履职 and leaders anyone's of
/// their committee; staff of the committee edit its dimensions.</summary>
public sealed class PortraitHandler(TongxinDbContext db, PerformanceAccess access, AdoptedWeights adopted, IActorAccessor actors)
{
    public const int MinDimensions = 3;
    public const int MaxDimensions = 8;
    public const int MaxName = 20;

    private Actor Actor => actors.Actor;

    public async Task<PortraitView> GetAsync(Guid? memberId, int year, CancellationToken ct = default)
    {
        var id = memberId ?? access.RequireMember();
        var committeeId = await access.RequireRecordReaderAsync(id, ct);
        var name = await db.Members.IgnoreQueryFilters().Where(m => m.Id == id).Select(m => m.Name).FirstAsync(ct);
        var (axes, isDefault) = await DimensionsAsync(committeeId, ct);
        // The committee-year's scores once: the radar's tops, the member's own row and the head count.
        var scores = await db.DutyYearScores.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.CommitteeId == committeeId && s.Year == year).ToListAsync(ct);
        var radar = PortraitRules.Radar(axes, [.. scores.Select(MemberCategoryPoints.From)], id);
        var score = scores.FirstOrDefault(s => s.MemberId == id);
        var ranked = scores.Count;
        var trend = await db.DutyYearScores.IgnoreQueryFilters().AsNoTracking().Where(s => s.MemberId == id)
            .OrderBy(s => s.Year).Select(s => new PortraitTrendPoint(s.Year, s.Total, s.Rank)).ToListAsync(ct);
        return new PortraitView(id, name, committeeId, year, score is not null, score?.Total ?? 0, score?.Rank ?? 0, ranked, score?.Grade ?? "",
            radar, PortraitRules.Index(radar), trend, PortraitRules.Tags(score, ranked), isDefault);
    }

    /// <summary>The staff's and leaders' member picker: the committee's active members (committee readers only).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> MembersAsync(CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException();
        access.RequireCommitteeReader(committeeId);
        return [.. (await db.Members.AsNoTracking().Where(m => m.CommitteeId == committeeId && m.IsActive).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name }).Take(2000).ToListAsync(ct)).Select(m => (m.Id, m.Name))];
    }

    /// <summary>The committee's saved dimensions, or the defaults (true) when none are saved.</summary>
    public async Task<(IReadOnlyList<PortraitAxisDefinition> Axes, bool IsDefault)> DimensionsAsync(Guid committeeId, CancellationToken ct = default)
    {
        var rows = await db.PortraitDimensions.IgnoreQueryFilters().AsNoTracking().Where(d => d.CommitteeId == committeeId)
            .OrderBy(d => d.SortOrder).ToListAsync(ct);
        var axes = rows.Select(r => new PortraitAxisDefinition(r.Name, PortraitRules.ParseCategories(r.Categories), r.Weight))
            .Where(a => a.Categories.Count > 0).ToList();
        return axes.Count == 0 ? (PortraitRules.Defaults, true) : (axes, false);
    }

    /// <summary>The staff's form: the actor's committee's dimensions (staff of it only).</summary>
    public async Task<(List<PortraitDimensionInput> Rows, bool IsDefault, AdoptedWeightView? Adopted)> EditFormAsync(CancellationToken ct = default)
    {
        var committeeId = StaffCommittee();
        var (axes, isDefault) = await DimensionsAsync(committeeId, ct);
        var rows = axes.Select(a => new PortraitDimensionInput { Name = a.Name, Categories = [.. a.Categories], Weight = a.Weight }).ToList();
        return (rows, isDefault, await adopted.GetAsync(committeeId, EvaluationUse.DutyPerformance, ct));
    }

    /// <summary>Replaces the committee's dimensions with the named rows (3–8, each with a category).</summary>
    public async Task SaveAsync(IReadOnlyList<PortraitDimensionInput> input, CancellationToken ct = default)
    {
        var committeeId = StaffCommittee();
        var rows = input.Where(r => !string.IsNullOrWhiteSpace(r.Name)).ToList();
        var v = new Validation()
            .Require(rows.Count >= MinDimensions, "Rows", $"雷达图至少需要{MinDimensions}个维度。")
            .Require(rows.Count <= MaxDimensions, "Rows", $"最多设置{MaxDimensions}个维度。")
            .Require(rows.Select(r => r.Name!.Trim()).Distinct().Count() == rows.Count, "Rows", "维度名称不能重复。");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var label = $"第{i + 1}个维度“{r.Name!.Trim()}”";
            v.Require(r.Name!.Trim().Length <= MaxName, "Rows", $"{label}的名称不能超过{MaxName}个字符。")
                .Require(r.Categories.Any(Enum.IsDefined), "Rows", $"{label}至少要包含一个履职类别。")
                .Require(r.Weight is > 0 and <= 100, "Rows", $"{label}的权重须大于0且不超过100。");
        }

        v.ThrowIfInvalid();
        db.PortraitDimensions.RemoveRange(await db.PortraitDimensions.Where(d => d.CommitteeId == committeeId).ToListAsync(ct));
        for (var i = 0; i < rows.Count; i++)
        {
            db.PortraitDimensions.Add(new PortraitDimension
            {
                CommitteeId = committeeId,
                Name = rows[i].Name!.Trim(),
                Categories = PortraitRules.FormatCategories(rows[i].Categories.Where(Enum.IsDefined)),
                Weight = Math.Round(rows[i].Weight!.Value, 4),
                SortOrder = i,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Takes each dimension's weight from the committee's adopted 委员履职画像 weight set
    /// (the node of the same name, its global weight); returns the names that found none.</summary>
    public async Task<IReadOnlyList<string>> ApplyAdoptedWeightsAsync(CancellationToken ct = default)
    {
        var committeeId = StaffCommittee();
        var set = await adopted.GetAsync(committeeId, EvaluationUse.DutyPerformance, ct)
            ?? throw new ConflictException("本会尚未采用“委员履职画像”用途的评价权重。");
        var (axes, _) = await DimensionsAsync(committeeId, ct);
        var rows = axes.Select(a => new PortraitDimensionInput
        {
            Name = a.Name,
            Categories = [.. a.Categories],
            Weight = set.GlobalOf(a.Name) is { } w && w > 0 ? Math.Round((decimal)w, 4) : a.Weight,
        }).ToList();
        await SaveAsync(rows, ct);
        return [.. axes.Where(a => set.GlobalOf(a.Name) is not > 0).Select(a => a.Name)];
    }

    /// <summary>Back to the five defaults.</summary>
    public async Task ResetAsync(CancellationToken ct = default)
    {
        var committeeId = StaffCommittee();
        db.PortraitDimensions.RemoveRange(await db.PortraitDimensions.Where(d => d.CommitteeId == committeeId).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    private Guid StaffCommittee()
    {
        var committeeId = Actor.CommitteeId ?? throw new ForbiddenException();
        access.RequireStaffOf(committeeId);
        return committeeId;
    }
}
