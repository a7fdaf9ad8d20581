using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Evaluation;

/// <summary>One node of an adopted weight set.</summary>
/// <param name="Key">The node's key in its project (G, D1, C1.2 …).</param>
/// <param name="Name">The node's name (e.g. 提案工作).</param>
/// <param name="ParentKey">The parent's key, null for the goal.</param>
/// <param name="Level">0 for the goal, 1 for the dimensions …</param>
/// <param name="Local">Weight among its siblings.</param>
/// <param name="Global">Weight toward the goal (product of local weights).</param>
/// <param name="IsLeaf">Whether it is a criterion with nothing below.</param>
public sealed record AdoptedWeight(string Key, string Name, string? ParentKey, int Level, double Local, double Global, bool IsLeaf);

/// <summary>The weights a committee currently uses for one purpose.</summary>
public sealed record AdoptedWeightView(
    Guid CommitteeId, EvaluationUse Use, Guid ProjectId, string ProjectTitle, int Round, DateTime AdoptedAt, string AdoptedByName,
    IReadOnlyList<AdoptedWeight> Weights)
{
    /// <summary>The weight of the node named <paramref name="name"/> (global), or null when absent.</summary>
    public double? GlobalOf(string name) => Weights.FirstOrDefault(w => w.Name == name)?.Global;
}

/// <summary>已采用权重查询 – what other modules (duty-performance portrait, proposal and consultation
/// quality) call to read the weights a committee adopted for their use. Reads through the tenant filter,
/// so a caller sees only committees its actor may read.</summary>
public sealed class AdoptedWeights(TongxinDbContext db)
{
    /// <summary>The committee's current set for <paramref name="use"/>, or null when none was adopted.</summary>
    public async Task<AdoptedWeightView?> GetAsync(Guid committeeId, EvaluationUse use, CancellationToken ct = default)
    {
        var row = await db.AdoptedWeightSets.AsNoTracking().FirstOrDefaultAsync(s => s.CommitteeId == committeeId && s.Use == use, ct);
        return row is null ? null : ToView(row);
    }

    /// <summary>Every current set of the committee, by use.</summary>
    public async Task<IReadOnlyList<AdoptedWeightView>> ListAsync(Guid committeeId, CancellationToken ct = default)
    {
        var rows = await db.AdoptedWeightSets.AsNoTracking().Where(s => s.CommitteeId == committeeId).OrderBy(s => s.Use).ToListAsync(ct);
        return [.. rows.Select(ToView)];
    }

    internal static string Serialize(IReadOnlyList<AdoptedWeight> weights) => JsonSerializer.Serialize(weights);

    private static AdoptedWeightView ToView(AdoptedWeightSet row) =>
        new(row.CommitteeId, row.Use, row.ProjectId, row.ProjectTitle, row.Round, row.AdoptedAt, row.AdoptedByName,
            JsonSerializer.Deserialize<List<AdoptedWeight>>(row.WeightsJson) ?? []);
}
