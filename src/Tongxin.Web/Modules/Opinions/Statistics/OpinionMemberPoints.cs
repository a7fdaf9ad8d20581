using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Opinions.Statistics;

/// <summary>委员社情民意积分 – one member's reports, outcomes and points in a committee-year.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="Name">The member's name.</param>
/// <param name="Sector">界别 (empty when none).</param>
/// <param name="Submitted">Reports received with the member as an author (lead or co-author).</param>
/// <param name="Adopted">Of those, taken up at screening (采用 and later).</param>
/// <param name="AdoptedOwn">本级采用 (printed in an own bulletin).</param>
/// <param name="AdoptedUpper">Adoptions by the city, province, national committee or party/government.</param>
/// <param name="Instructions">Leaders' instructions.</param>
/// <param name="Points">The member's points under the committee's current rules.</param>
public sealed record MemberOpinionScore(
    Guid MemberId,
    string Name,
    string Sector,
    int Submitted,
    int Adopted,
    int AdoptedOwn,
    int AdoptedUpper,
    int Instructions,
    decimal Points);

/// <summary>The member points query of a committee-year, for the statistics ranking and for duty
/// performance (issue 7). Two GROUP BY queries (reports per author; outcomes per author and
/// outcome type, with whether the report is joint) and the committee's rules; nothing stored.
/// A report counts in the year it was submitted. Only members of the committee are credited (a
/// lower committee's copy keeps its authors, who earn their points on the original). Callers
/// decide who may see the result.</summary>
public sealed class OpinionMemberPoints(TongxinDbContext db, OpinionSettingsStore settings)
{
    public async Task<IReadOnlyList<MemberOpinionScore>> ForYearAsync(Guid committeeId, int year, CancellationToken ct = default)
    {
        var rules = await settings.GetAsync(committeeId, ct);
        var reports = OpinionStatisticsHandler.Received(db, committeeId, year);
        var members = db.Members.AsNoTracking().Where(m => m.CommitteeId == committeeId);

        var counts = await (from a in db.OpinionReportAuthors.AsNoTracking()
                            join r in reports on a.ReportId equals r.Id
                            join m in members on a.MemberId equals m.Id
                            group r by a.MemberId into g
                            select new
                            {
                                MemberId = g.Key,
                                Submitted = g.Count(),
                                Adopted = g.Sum(r => r.Status == OpinionStatus.Adopted || r.Status == OpinionStatus.SignedOff || r.Status == OpinionStatus.Published ? 1 : 0),
                            }).ToListAsync(ct);

        var authorCounts = db.OpinionReportAuthors.AsNoTracking().GroupBy(a => a.ReportId).Select(g => new { ReportId = g.Key, Count = g.Count() });
        var outcomes = await (from o in db.OpinionOutcomes.AsNoTracking()
                              join r in reports on o.ReportId equals r.Id
                              join a in db.OpinionReportAuthors.AsNoTracking() on r.Id equals a.ReportId
                              join m in members on a.MemberId equals m.Id
                              join n in authorCounts on r.Id equals n.ReportId
                              group o by new { a.MemberId, o.Kind, o.Level, o.InstructionLevel, o.Combined, Joint = n.Count > 1 } into g
                              select new { g.Key.MemberId, g.Key.Kind, g.Key.Level, g.Key.InstructionLevel, g.Key.Combined, g.Key.Joint, Count = g.Count() })
            .ToListAsync(ct);

        var ids = counts.Select(c => c.MemberId).ToList();
        var people = await (from m in members
                            where ids.Contains(m.Id)
                            join s in db.Sectors.AsNoTracking() on m.SectorId equals s.Id into ss
                            from s in ss.DefaultIfEmpty()
                            select new { m.Id, m.Name, Sector = s == null ? "" : s.Name }).ToDictionaryAsync(m => m.Id, ct);
        var byMember = outcomes.ToLookup(o => o.MemberId);
        return [.. counts.Select(c =>
            {
                var mine = byMember[c.MemberId].ToList();
                var person = people.GetValueOrDefault(c.MemberId);
                return new MemberOpinionScore(
                    c.MemberId,
                    person?.Name ?? "",
                    person?.Sector ?? "",
                    c.Submitted,
                    c.Adopted,
                    mine.Where(o => o.Kind == OpinionOutcomeKind.Adopted && o.Level == AdoptionLevel.Own).Sum(o => o.Count),
                    mine.Where(o => o.Kind == OpinionOutcomeKind.Adopted && o.Level != AdoptionLevel.Own).Sum(o => o.Count),
                    mine.Where(o => o.Kind == OpinionOutcomeKind.Instruction).Sum(o => o.Count),
                    mine.Sum(o => o.Count * OpinionScoring.AuthorPoints(
                        rules, new OutcomeType(o.Kind, o.Level, o.InstructionLevel, o.Combined), o.Joint ? 2 : 1)));
            })
            .OrderByDescending(s => s.Points).ThenByDescending(s => s.Adopted).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }
}
