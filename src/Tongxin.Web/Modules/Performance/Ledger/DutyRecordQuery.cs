using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Performance.Ledger;

/// <summary>One entry as a member's record shows it: the entry, its points before the item's cap,
/// and whether the cap cut the item.</summary>
public sealed record DutyRecordLine(DutyEntry Entry, decimal Points, bool ItemCapped)
{
    public DutyCategory Category => DutyDefaults.Category(Entry.Item);
}

/// <summary>A member's duty year: who, the stored score (rank among the committee), the entries
/// with their points and the calculator's result (counts, per item and category, grade,
/// minimums) – the one read model of 我的履职, the annual report and the portrait.</summary>
public sealed class MemberDutyYear
{
    public required Guid MemberId { get; init; }

    public required Guid CommitteeId { get; init; }

    public required string MemberName { get; init; }

    public required string CommitteeName { get; init; }

    public required string Sector { get; init; }

    public required int Year { get; init; }

    public required DutyRuleBook Rules { get; init; }

    public required DutyScoreResult Result { get; init; }

    /// <summary>Rank in the committee (0 when the ledger has not scored the member yet).</summary>
    public required int Rank { get; init; }

    /// <summary>Members scored in the committee-year.</summary>
    public required int RankedMembers { get; init; }

    public required IReadOnlyList<DutyRecordLine> Lines { get; init; }

    public DateTime? ComputedAt { get; init; }
}

/// <summary>Reads a member's duty year. The entries come from the ledger (kept current by the
/// event handlers); points, counts and grade are computed here with the current rules, so a
/// rule change shows at once; rank comes from the stored scores.</summary>
public sealed class DutyRecordQuery(TongxinDbContext db, DutyLedger ledger, PerformanceAccess access, TimeProvider time)
{
    // What every member of a committee-year shares (the rule book, how many are ranked), read once
    // per scope: a request, or a whole bulk report run.
    private readonly Dictionary<(Guid CommitteeId, int Year), (DutyRuleBook Rules, int Ranked)> shared = [];

    /// <summary>The member's year (default: the actor's own record, this year), if the actor may
    /// read the member's full record (else 403/404).</summary>
    public async Task<MemberDutyYear> MemberYearAsync(Guid? memberId, int? year, CancellationToken ct = default)
    {
        var id = memberId ?? access.RequireMember();
        var member = await Headers(m => m.Id == id).FirstOrDefaultAsync(ct) ?? throw new Platform.Web.NotFoundException("委员");
        access.RequireRecordReader(member.CommitteeId, id);
        return await LoadAsync(member, year ?? BeijingTime.Today(time).Year, ct);
    }

    /// <summary>The name, committee and sector of the members <paramref name="filter"/> selects
    /// (every committee's: callers check access), by name.</summary>
    public IQueryable<DutyMember> Headers(Expression<Func<Member, bool>> filter) =>
        from m in db.Members.IgnoreQueryFilters().AsNoTracking().Where(filter)
        join c in db.Committees.AsNoTracking() on m.CommitteeId equals c.Id
        join s in db.Sectors.IgnoreQueryFilters().AsNoTracking() on m.SectorId equals s.Id into ss
        from s in ss.DefaultIfEmpty()
        orderby m.Name, m.Id
        select new DutyMember(m.Id, m.Name, m.CommitteeId, c.Name, s == null ? "" : s.Name);

    /// <summary>Without an access check: for tests and the benchmark.</summary>
    public async Task<MemberDutyYear> LoadAsync(Guid memberId, int year, CancellationToken ct = default) =>
        await LoadAsync(await Headers(m => m.Id == memberId).FirstOrDefaultAsync(ct) ?? throw new Platform.Web.NotFoundException("委员"), year, ct);

    /// <summary>Without an access check: for the bulk report job, which checked the committee and
    /// read the members' headers in one query.</summary>
    public async Task<MemberDutyYear> LoadAsync(DutyMember member, int year, CancellationToken ct = default)
    {
        var memberId = member.Id;
        if (!shared.TryGetValue((member.CommitteeId, year), out var committeeYear))
        {
            committeeYear = (await ledger.RulesAsync(member.CommitteeId, year, ct),
                await db.DutyYearScores.IgnoreQueryFilters().CountAsync(s => s.CommitteeId == member.CommitteeId && s.Year == year, ct));
            shared[(member.CommitteeId, year)] = committeeYear;
        }

        var rules = committeeYear.Rules;
        var entries = await db.DutyEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.MemberId == memberId && e.Year == year && e.CommitteeId == member.CommitteeId)
            .OrderBy(e => e.Date).ThenBy(e => e.Item).ToListAsync(ct);
        var result = DutyPointsCalculator.Compute(rules, entries);
        var score = await db.DutyYearScores.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.MemberId == memberId && s.Year == year && s.CommitteeId == member.CommitteeId)
            .Select(s => new { s.Rank, s.ComputedAt }).FirstOrDefaultAsync(ct);
        return new MemberDutyYear
        {
            MemberId = member.Id,
            CommitteeId = member.CommitteeId,
            MemberName = member.Name,
            CommitteeName = member.CommitteeName,
            Sector = member.Sector,
            Year = year,
            Rules = rules,
            Result = result,
            Rank = score?.Rank ?? 0,
            RankedMembers = committeeYear.Ranked,
            ComputedAt = score?.ComputedAt,
            Lines = [.. entries.Select(e => new DutyRecordLine(e, DutyPointsCalculator.EntryPoints(rules, e), result.Capped.Contains(e.Item)))],
        };
    }

    /// <summary>The years the member has entries or a score in, newest first.</summary>
    public Task<List<int>> YearsAsync(Guid memberId, CancellationToken ct = default) =>
        db.DutyYearScores.IgnoreQueryFilters().Where(s => s.MemberId == memberId).Select(s => s.Year)
            .Union(db.DutyEntries.IgnoreQueryFilters().Where(e => e.MemberId == memberId).Select(e => e.Year))
            .Distinct().OrderByDescending(y => y).ToListAsync(ct);
}

/// <summary>A member as the duty record names them.</summary>
public sealed record DutyMember(Guid Id, string Name, Guid CommitteeId, string CommitteeName, string Sector);

/// <summary>Where an entry's source is read.</summary>
public static class DutyLinks
{
    public static string For(DutyEntry e) => e.Source switch
    {
        DutySource.Activity or DutySource.Speech => $"/Consultation/Activities/Detail/{e.SourceId}",
        DutySource.Proposal => $"/Proposals/Detail/{e.SourceId}",
        DutySource.OpinionReport or DutySource.OpinionOutcome => $"/Opinions/Detail/{e.SourceId}",
        DutySource.SupervisionProblem => $"/Supervision/Problems/Detail/{e.SourceId}",
        DutySource.SupervisionLetter => $"/Supervision/Letters/Detail/{e.SourceId}",
        DutySource.MassVisit => $"/Performance/Visits#v-{e.SourceId}",
        DutySource.PlanItem => $"/Performance/Plan?year={e.Year}#p-{e.SourceId}",
        _ => "#",
    };
}
