using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Supervision;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;

namespace Tongxin.Modules.Performance.Ledger;

/// <summary>履职记录采集 – reads one module's tables set-based for a committee and year (optionally
/// only some members) and yields the duty entries they imply. The only code that knows a source
/// module's tables; the rebuild and the incremental update both call it, so they agree.</summary>
public interface IDutyCollector
{
    Task<IReadOnlyList<DutyEntry>> CollectAsync(DutyScope scope, CancellationToken ct);
}

/// <summary>What to collect: a committee's year, all its members or only <see cref="Members"/>.</summary>
public sealed record DutyScope(Guid CommitteeId, int Year, IReadOnlyCollection<Guid>? Members = null)
{
    /// <summary>The UTC instants the Beijing year starts and ends at.</summary>
    public DateTime FromUtc => BeijingTime.StartOfDayUtc(new DateOnly(Year, 1, 1));

    public DateTime ToUtc => BeijingTime.StartOfDayUtc(new DateOnly(Year + 1, 1, 1));

    /// <summary>The committee's members in scope (the committee's own members only: a member earns
    /// points in the committee they belong to).</summary>
    public IQueryable<Guid> MemberIds(TongxinDbContext db)
    {
        var q = db.Members.IgnoreQueryFilters().Where(m => m.CommitteeId == CommitteeId);
        if (Members is { } only)
        {
            q = q.Where(m => only.Contains(m.Id));
        }

        return q.Select(m => m.Id);
    }

    public DutyEntry Entry(Guid memberId, DateTime utc, DutyItem item, DutySource source, Guid sourceId, string title) =>
        Entry(memberId, DateOnly.FromDateTime(BeijingTime.FromUtc(utc)), item, source, sourceId, title);

    public DutyEntry Entry(Guid memberId, DateOnly date, DutyItem item, DutySource source, Guid sourceId, string title) => new()
    {
        CommitteeId = CommitteeId,
        MemberId = memberId,
        Year = Year,
        Date = date,
        Item = item,
        Source = source,
        SourceId = sourceId,
        Title = title.Length > 200 ? title[..200] : title,
    };
}

/// <summary>活动出勤与发言: closed activities of the year – present (plenary per half-day, standing
/// committee, any other activity), on leave or absent from a must-attend one (deductions); and
/// speeches (大会发言 at a plenary, 协商发言 elsewhere; the source is the activity, where the
/// speech is read).</summary>
public sealed class ActivityDutyCollector(TongxinDbContext db) : IDutyCollector
{
    public async Task<IReadOnlyList<DutyEntry>> CollectAsync(DutyScope scope, CancellationToken ct)
    {
        var members = scope.MemberIds(db);
        var (start, end) = (scope.FromUtc, scope.ToUtc);
        var activities = db.Activities.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.CommitteeId == scope.CommitteeId && a.Status == ActivityStatus.Closed && a.StartsAt >= start && a.StartsAt < end);
        var rows = await (from p in db.ActivityParticipants.IgnoreQueryFilters().AsNoTracking()
                          join a in activities on p.ActivityId equals a.Id
                          where members.Contains(p.MemberId)
                              && (p.Attendance == Attendance.Present
                                  || (a.Mode == AttendanceMode.MustAttend && (p.Attendance == Attendance.OnLeave || p.Attendance == Attendance.Absent)))
                          select new { p.MemberId, a.Id, a.Type, a.Title, a.StartsAt, a.HalfDays, p.Attendance }).ToListAsync(ct);
        var entries = new List<DutyEntry>(rows.Count);
        foreach (var r in rows)
        {
            var item = r.Attendance switch
            {
                Attendance.OnLeave => DutyItem.AbsentWithLeave,
                Attendance.Absent => DutyItem.AbsentWithoutLeave,
                _ => r.Type switch
                {
                    ActivityType.Plenary => DutyItem.PlenaryHalfDay,
                    ActivityType.StandingCommittee => DutyItem.StandingCommittee,
                    _ => DutyItem.Activity,
                },
            };
            var e = scope.Entry(r.MemberId, r.StartsAt, item, DutySource.Activity, r.Id, r.Title);
            e.ActivityType = r.Type;
            e.Quantity = item == DutyItem.PlenaryHalfDay ? Math.Max(1, r.HalfDays) : 1;
            entries.Add(e);
        }

        var speeches = await (from s in db.ActivitySpeeches.IgnoreQueryFilters().AsNoTracking()
                              join a in activities on s.ActivityId equals a.Id
                              where s.SpeakerMemberId != null && members.Contains(s.SpeakerMemberId.Value)
                              select new { a.Id, MemberId = s.SpeakerMemberId!.Value, s.Title, a.Type, a.StartsAt }).ToListAsync(ct);
        foreach (var s in speeches)
        {
            var e = scope.Entry(s.MemberId, s.StartsAt, s.Type == ActivityType.Plenary ? DutyItem.PlenarySpeech : DutyItem.ConsultationSpeech,
                DutySource.Speech, s.Id, s.Title);
            e.ActivityType = s.Type;
            entries.Add(e);
        }

        return entries;
    }
}

/// <summary>提案: filed proposals of the year (立案 and later) – the lead proposer as lead, confirmed
/// co-signers as joint; key (重点) and excellent (优秀) proposals add their items the same way.</summary>
public sealed class ProposalDutyCollector(TongxinDbContext db) : IDutyCollector
{
    public async Task<IReadOnlyList<DutyEntry>> CollectAsync(DutyScope scope, CancellationToken ct)
    {
        var members = scope.MemberIds(db);
        var filed = db.Proposals.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.CommitteeId == scope.CommitteeId && p.Year == scope.Year
                && (p.Status == ProposalStatus.Filed || p.Status == ProposalStatus.Handling
                    || p.Status == ProposalStatus.AwaitingRating || p.Status == ProposalStatus.Completed));
        var leads = await filed.Where(p => members.Contains(p.LeadMemberId))
            .Select(p => new { p.Id, MemberId = p.LeadMemberId, p.Title, p.ReviewedAt, p.SubmittedAt, p.CreatedAt, p.IsKey, p.IsExcellent, Lead = true })
            .ToListAsync(ct);
        var joints = await (from s in db.ProposalSigners.IgnoreQueryFilters().AsNoTracking()
                            join p in filed on s.ProposalId equals p.Id
                            where !s.IsLead && s.Status == SignerStatus.Confirmed && s.MemberId != p.LeadMemberId && members.Contains(s.MemberId)
                            select new { p.Id, s.MemberId, p.Title, p.ReviewedAt, p.SubmittedAt, p.CreatedAt, p.IsKey, p.IsExcellent, Lead = false })
            .ToListAsync(ct);
        var entries = new List<DutyEntry>();
        foreach (var p in leads.Concat(joints))
        {
            var at = p.ReviewedAt ?? p.SubmittedAt ?? p.CreatedAt;
            var role = p.Lead ? DutyRole.Lead : DutyRole.Joint;
            foreach (var item in Items(p.IsKey, p.IsExcellent))
            {
                var e = scope.Entry(p.MemberId, at, item, DutySource.Proposal, p.Id, p.Title);
                e.Role = role;
                entries.Add(e);
            }
        }

        return entries;
    }

    private static IEnumerable<DutyItem> Items(bool key, bool excellent)
    {
        yield return DutyItem.ProposalFiled;
        if (key)
        {
            yield return DutyItem.ProposalKey;
        }

        if (excellent)
        {
            yield return DutyItem.ProposalExcellent;
        }
    }
}

/// <summary>社情民意: reports received in the year (the year they were submitted, as the opinion
/// statistics count them) – one 报送 entry per member author; and one entry per author for each
/// adoption and leader's instruction, shared work when the report has several authors, combined
/// when it was adopted in a 综合 article. 上报 alone earns nothing.</summary>
public sealed class OpinionDutyCollector(TongxinDbContext db) : IDutyCollector
{
    public async Task<IReadOnlyList<DutyEntry>> CollectAsync(DutyScope scope, CancellationToken ct)
    {
        var members = scope.MemberIds(db);
        var reports = db.OpinionReports.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.CommitteeId == scope.CommitteeId && r.Year == scope.Year && r.Status != OpinionStatus.Draft && r.Status != OpinionStatus.Withdrawn);
        var authors = db.OpinionReportAuthors.IgnoreQueryFilters().AsNoTracking();
        var rows = await (from a in authors
                          join r in reports on a.ReportId equals r.Id
                          where members.Contains(a.MemberId)
                          select new
                          {
                              r.Id,
                              a.MemberId,
                              a.Order,
                              r.Title,
                              At = r.SubmittedAt ?? r.CreatedAt,
                              Authors = authors.Count(x => x.ReportId == r.Id),
                          }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).Distinct().ToList();
        var outcomes = ids.Count == 0
            ? []
            : await db.OpinionOutcomes.IgnoreQueryFilters().AsNoTracking()
                .Where(o => o.CommitteeId == scope.CommitteeId && o.Kind != OpinionOutcomeKind.Forwarded && reports.Any(r => r.Id == o.ReportId))
                .Select(o => new { o.ReportId, o.Kind, o.Level, o.InstructionLevel, o.Combined, o.Date })
                .ToListAsync(ct);
        var byReport = outcomes.ToLookup(o => o.ReportId);
        var entries = new List<DutyEntry>();
        foreach (var r in rows)
        {
            var submitted = scope.Entry(r.MemberId, r.At, DutyItem.OpinionSubmitted, DutySource.OpinionReport, r.Id, r.Title);
            submitted.Role = r.Order <= 1 ? DutyRole.Lead : DutyRole.Joint;
            entries.Add(submitted);
            foreach (var o in byReport[r.Id])
            {
                if (Item(o.Kind, o.Level, o.InstructionLevel) is not { } item)
                {
                    continue;
                }

                var e = scope.Entry(r.MemberId, o.Date, item, DutySource.OpinionReport, r.Id, r.Title);
                e.SharedWork = r.Authors > 1;
                e.Combined = o.Kind == OpinionOutcomeKind.Adopted && o.Combined;
                entries.Add(e);
            }
        }

        return entries;
    }

    public static DutyItem? Item(OpinionOutcomeKind kind, AdoptionLevel level, InstructionLevel? instruction) => kind switch
    {
        OpinionOutcomeKind.Adopted => level switch
        {
            AdoptionLevel.Own => DutyItem.OpinionAdoptedOwn,
            AdoptionLevel.City => DutyItem.OpinionAdoptedCity,
            AdoptionLevel.Province => DutyItem.OpinionAdoptedProvince,
            AdoptionLevel.National => DutyItem.OpinionAdoptedNational,
            AdoptionLevel.PartyGovernment => DutyItem.OpinionAdoptedPartyGovernment,
            _ => null,
        },
        OpinionOutcomeKind.Instruction => instruction switch
        {
            InstructionLevel.County => DutyItem.InstructionCounty,
            InstructionLevel.City => DutyItem.InstructionCity,
            InstructionLevel.Province => DutyItem.InstructionProvince,
            InstructionLevel.Central => DutyItem.InstructionCentral,
            _ => null,
        },
        _ => null,
    };
}

/// <summary>民主监督: problems a supervisor recorded in the year (not those dismissed); letters
/// delivered in the year – the drafter as writer (lead), the group's other supervisors as joint.</summary>
public sealed class SupervisionDutyCollector(TongxinDbContext db) : IDutyCollector
{
    public async Task<IReadOnlyList<DutyEntry>> CollectAsync(DutyScope scope, CancellationToken ct)
    {
        var members = scope.MemberIds(db);
        var problems = await db.SupervisionProblems.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.CommitteeId == scope.CommitteeId && p.Year == scope.Year && p.Status != ProblemStatus.Dismissed
                && p.ReportedByMemberId != null && members.Contains(p.ReportedByMemberId.Value))
            .Select(p => new { p.Id, MemberId = p.ReportedByMemberId!.Value, p.Title, p.RecordedAt })
            .ToListAsync(ct);
        var entries = problems.Select(p => scope.Entry(p.MemberId, p.RecordedAt, DutyItem.SupervisionProblem, DutySource.SupervisionProblem, p.Id, p.Title)).ToList();

        var (start, end) = (scope.FromUtc, scope.ToUtc);
        var letters = await (from l in db.SupervisionLetters.IgnoreQueryFilters().AsNoTracking()
                             join g in db.SupervisorGroupMembers.IgnoreQueryFilters().AsNoTracking() on l.GroupId equals g.GroupId
                             where l.CommitteeId == scope.CommitteeId && l.SentAt != null && l.SentAt >= start && l.SentAt < end
                                 && members.Contains(g.MemberId)
                             select new { l.Id, g.MemberId, l.Title, SentAt = l.SentAt!.Value, l.DraftedByMemberId }).ToListAsync(ct);
        foreach (var l in letters)
        {
            var e = scope.Entry(l.MemberId, l.SentAt, DutyItem.SupervisionLetter, DutySource.SupervisionLetter, l.Id, l.Title);
            e.Role = l.DraftedByMemberId == l.MemberId ? DutyRole.Lead : DutyRole.Joint;
            entries.Add(e);
        }

        return entries;
    }
}

/// <summary>联系界别群众 and 一人一事: a member's logged visits of the year and the plan items
/// completed.</summary>
public sealed class LiaisonDutyCollector(TongxinDbContext db) : IDutyCollector
{
    public async Task<IReadOnlyList<DutyEntry>> CollectAsync(DutyScope scope, CancellationToken ct)
    {
        var members = scope.MemberIds(db);
        var (first, last) = (new DateOnly(scope.Year, 1, 1), new DateOnly(scope.Year, 12, 31));
        var visits = await db.MassVisits.IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.CommitteeId == scope.CommitteeId && v.Date >= first && v.Date <= last && members.Contains(v.MemberId))
            .Select(v => new { v.Id, v.MemberId, v.Date, v.Place, v.PeopleServed })
            .ToListAsync(ct);
        var entries = visits.Select(v => scope.Entry(v.MemberId, v.Date, DutyItem.MassVisit, DutySource.MassVisit, v.Id,
            $"走访{v.Place}（服务群众{v.PeopleServed}人）")).ToList();
        var plans = await db.DutyPlanItems.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.CommitteeId == scope.CommitteeId && p.Year == scope.Year && p.CompletedOn != null && members.Contains(p.MemberId))
            .Select(p => new { p.Id, p.MemberId, p.Title, CompletedOn = p.CompletedOn!.Value })
            .ToListAsync(ct);
        entries.AddRange(plans.Select(p => scope.Entry(p.MemberId, p.CompletedOn, DutyItem.PlanItemDone, DutySource.PlanItem, p.Id, p.Title)));
        return entries;
    }
}
