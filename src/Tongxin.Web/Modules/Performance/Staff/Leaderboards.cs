using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Data;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Performance.Staff;

/// <summary>榜单 – which figure a board ranks.</summary>
public enum LeaderboardBoard
{
    [Display(Name = "履职积分榜")]
    Total = 1,
    [Display(Name = "提案榜")]
    Proposals = 2,
    [Display(Name = "社情民意榜")]
    Reports = 3,
    [Display(Name = "活动参与榜")]
    Activities = 4,
    [Display(Name = "发言榜")]
    Speeches = 5,
}

/// <summary>Who is ranked: members, or sectors and member groups (aggregates of their members).</summary>
public enum LeaderboardScope
{
    [Display(Name = "按委员")]
    Member = 1,
    [Display(Name = "按界别")]
    Sector = 2,
    [Display(Name = "按活动组")]
    Group = 3,
}

/// <summary>One line of a board. For a member, Value is the member's figure and Total equals it;
/// for a sector or group, Value is the members' average (what ranks) and Total their sum.</summary>
public sealed record LeaderboardRow(int Rank, string Name, string Detail, decimal Value, decimal Total, int Members, int? Count);

/// <summary>A member below the minimum duties (shown to committee readers only).</summary>
public sealed record MissingMinimumRow(string Name, string Sector, string Missing);

public sealed record LeaderboardView(
    Guid CommitteeId,
    int Year,
    LeaderboardBoard Board,
    LeaderboardScope Scope,
    string ValueLabel,
    string? CountLabel,
    PagedList<LeaderboardRow> Rows,
    bool Published,
    IReadOnlyList<MissingMinimumRow>? MissingMinimums);

/// <summary>履职榜单 from the stored year scores. Boards: total points, proposals (proposal points,
/// with the number filed), reports (opinion points, with the number adopted), activities attended
/// and speeches. By member, or by sector / group where a line ranks by the <b>average</b> of its
/// members' values (groups of different sizes compare fairly) and shows the sum too. Ties share a
/// rank (1, 1, 3; <see cref="DutyPointsCalculator.Rank"/>). Committee readers always see the boards
/// and the members below the minimum duties; the committee's members only when it publishes them.</summary>
public sealed class Leaderboards(TongxinDbContext db, PerformanceAccess access)
{
    public const int PageSize = 20;

    public static string Slug(LeaderboardBoard b) => b.ToString().ToLowerInvariant();

    public static LeaderboardBoard? Parse(string? slug) =>
        Enum.TryParse<LeaderboardBoard>(slug, ignoreCase: true, out var b) && Enum.IsDefined(b) ? b : null;

    /// <summary>A scope that names no <see cref="LeaderboardScope"/> (a hand-edited query string) shows members.</summary>
    public async Task<LeaderboardView> GetAsync(Guid committeeId, int year, LeaderboardBoard board, LeaderboardScope scope, int page, CancellationToken ct = default)
    {
        CommitteeScores.RequireYear(year);
        scope = Enum.IsDefined(scope) ? scope : LeaderboardScope.Member;
        var published = await access.RequireLeaderboardReaderAsync(committeeId, year, ct);

        var scores = await (from s in db.DutyYearScores.IgnoreQueryFilters().AsNoTracking()
                            where s.CommitteeId == committeeId && s.Year == year
                            join m in db.Members.IgnoreQueryFilters().AsNoTracking() on s.MemberId equals m.Id
                            join sec in db.Sectors.IgnoreQueryFilters().AsNoTracking() on m.SectorId equals sec.Id into ss
                            from sec in ss.DefaultIfEmpty()
                            select new
                            {
                                s.MemberId,
                                m.Name,
                                m.SectorId,
                                Sector = sec == null ? "" : sec.Name,
                                s.Total,
                                s.ProposalPoints,
                                s.ProposalsFiled,
                                s.OpinionPoints,
                                s.ReportsAdopted,
                                s.ActivitiesAttended,
                                s.Speeches,
                                s.MinimumsMet,
                                s.MissingMinimums,
                            }).ToListAsync(ct);

        var values = scores.Select(s => new MemberValue(
            s.MemberId,
            s.Name,
            s.SectorId,
            s.Sector,
            board switch
            {
                LeaderboardBoard.Total => s.Total,
                LeaderboardBoard.Proposals => s.ProposalPoints,
                LeaderboardBoard.Reports => s.OpinionPoints,
                LeaderboardBoard.Activities => s.ActivitiesAttended,
                _ => s.Speeches,
            },
            board switch
            {
                LeaderboardBoard.Proposals => s.ProposalsFiled,
                LeaderboardBoard.Reports => s.ReportsAdopted,
                _ => null,
            })).ToList();

        List<Line> lines;
        switch (scope)
        {
            case LeaderboardScope.Sector:
                lines = [.. values.Where(v => v.SectorId is not null).GroupBy(v => (v.SectorId, v.Sector))
                    .Select(g => Aggregate(g.Key.SectorId!.Value, g.Key.Sector, [.. g]))];
                break;
            case LeaderboardScope.Group:
                var memberships = await (from x in db.Set<MemberGroupMembership>().AsNoTracking()
                                         join g in db.MemberGroups.IgnoreQueryFilters().AsNoTracking() on x.GroupId equals g.Id
                                         where g.CommitteeId == committeeId
                                         select new { x.MemberId, x.GroupId, g.Name }).ToListAsync(ct);
                var byMember = values.ToDictionary(v => v.MemberId);
                lines = [.. memberships.Where(x => byMember.ContainsKey(x.MemberId)).GroupBy(x => (x.GroupId, x.Name))
                    .Select(g => Aggregate(g.Key.GroupId, g.Key.Name, [.. g.Select(x => byMember[x.MemberId])]))];
                break;
            default:
                lines = [.. values.Select(v => new Line(v.MemberId.ToString(), v.Name, v.Sector, v.Value, v.Value, 1, v.Count))];
                break;
        }

        var ranks = DutyPointsCalculator.Rank(lines.Select(l => (l.Key, l.Value)));
        var ordered = lines.Select(l => new LeaderboardRow(ranks[l.Key], l.Name, l.Detail, l.Value, l.Total, l.Members, l.Count))
            .OrderBy(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var rows = ordered.ToPagedList(page, PageSize);

        IReadOnlyList<MissingMinimumRow>? missing = access.CanReadCommittee(committeeId)
            ? [.. scores.Where(s => !s.MinimumsMet).OrderBy(s => s.Sector, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new MissingMinimumRow(s.Name, s.Sector, s.MissingMinimums))]
            : null;
        var (valueLabel, countLabel) = board switch
        {
            LeaderboardBoard.Total => ("履职积分", (string?)null),
            LeaderboardBoard.Proposals => ("提案积分", "提案件数"),
            LeaderboardBoard.Reports => ("社情民意积分", "被采用篇数"),
            LeaderboardBoard.Activities => ("参加会议活动次数", null),
            _ => ("发言次数", null),
        };
        return new LeaderboardView(committeeId, year, board, scope, valueLabel, countLabel, rows, published, missing);
    }

    /// <summary>A sector's or group's line: ranked by its members' average, with their sum and count.</summary>
    private static Line Aggregate(Guid key, string name, IReadOnlyList<MemberValue> members)
    {
        var sum = members.Sum(v => v.Value);
        return new Line(key.ToString(), name, "", Math.Round(sum / members.Count, 2), sum, members.Count,
            members.Any(v => v.Count is not null) ? members.Sum(v => v.Count ?? 0) : null);
    }

    private sealed record MemberValue(Guid MemberId, string Name, Guid? SectorId, string Sector, decimal Value, int? Count);

    private sealed record Line(string Key, string Name, string Detail, decimal Value, decimal Total, int Members, int? Count);
}
