using Tongxin.Platform.Calendar;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance.Ledger;

/// <summary>One entry of a duty record as the API returns it.</summary>
public sealed record DutyRecordEntryDto(DateOnly Date, string Category, string Item, string Role, int Quantity, decimal Points, bool Capped, string Title, string Link);

/// <summary>A member's duty year as the API returns it (the same read model as 我的履职).</summary>
public sealed record DutyRecordDto(
    Guid MemberId,
    string MemberName,
    string Committee,
    string Sector,
    int Year,
    decimal Total,
    int Rank,
    int RankedMembers,
    string Grade,
    IReadOnlyList<string> MissingMinimums,
    IReadOnlyDictionary<string, decimal> PointsByCategory,
    IReadOnlyList<DutyRecordEntryDto> Entries)
{
    public static DutyRecordDto From(MemberDutyYear y) => new(
        y.MemberId,
        y.MemberName,
        y.CommitteeName,
        y.Sector,
        y.Year,
        y.Result.Total,
        y.Rank,
        y.RankedMembers,
        y.Result.Grade,
        y.Result.Missing,
        y.Result.ByCategory.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key.DisplayName(), kv => kv.Value),
        [.. y.Lines.Select(l => new DutyRecordEntryDto(l.Entry.Date, l.Category.DisplayName(), l.Entry.Item.DisplayName(), l.Entry.Role.DisplayName(),
            l.Entry.Quantity, l.Points, l.ItemCapped, l.Entry.Title, DutyLinks.For(l.Entry)))]);
}

/// <summary>GET /api/v1/performance/me?year= (the signed-in member's own year) and
/// GET /api/v1/performance/members/{id}?year= (anyone <see cref="PerformanceAccess"/> lets read it).</summary>
public static class DutyRecordApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/performance").RequireSignedIn().WithTags("委员履职");
        g.MapGet("/me", async (DutyRecordQuery records, CancellationToken ct, int? year) =>
            DutyRecordDto.From(await records.MemberYearAsync(null, year, ct)));
        g.MapGet("/members/{id:guid}", async (Guid id, DutyRecordQuery records, CancellationToken ct, int? year) =>
            DutyRecordDto.From(await records.MemberYearAsync(id, year, ct)));
    }
}
