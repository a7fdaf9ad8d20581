using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Performance;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Modules.Proposals.Seeding;
using Tongxin.Modules.Supervision;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Tongxin.Bench;

/// <summary>Recomputing the duty ledger for a province (<c>dotnet run -c Release --project
/// bench/Tongxin.Bench -- ledger</c>, needs TONGXIN_BENCH_PG). The database is the province seed
/// (100 committees, 30,000 members, ~30,000 proposals a year with co-signers), kept as
/// tongxin_bench_ledger, plus one year of events from the other modules generated once: each
/// committee's plenary (every member), twelve other activities (three in five members each, some
/// absent), speeches, a report per member with co-authors and outcomes, supervision problems,
/// visits and plan items. Measured: <c>DutyLedger.RebuildAsync</c> for every committee of the
/// year, twice (the second run replaces what the first wrote). Baseline, same run and database:
/// deleting and COPY-writing the same entries and scores without collecting or computing them –
/// the write a rebuild cannot avoid. Reports seconds, the ratio and the entries.</summary>
public static class LedgerLoad
{
    public const string DatabaseName = "tongxin_bench_ledger";
    private const string Marker = "履职基准：";

    public static async Task<int> RunAsync(string[] args)
    {
        if (Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable) is not { Length: > 0 })
        {
            Console.Error.WriteLine($"ledger needs {BenchDatabase.PostgresVariable} (a throwaway PostgreSQL server).");
            return 2;
        }

        await using var app = await BenchDatabase.OpenAsync(BenchDb.PostgreSql, DatabaseName, SeedScale.Province);
        var year = BeijingTime.Today(TimeProvider.System).Year;
        List<Guid> committees;
        int members;
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
            var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
            committees = await db.Committees.Select(c => c.Id).ToListAsync();
            members = await db.Members.CountAsync(m => m.IsActive);
            if (!await db.Activities.AnyAsync(a => a.Title.StartsWith(Marker)))
            {
                var clock = Stopwatch.StartNew();
                var rows = await GenerateYearAsync(db, year);
                Console.WriteLine($"// generated one year of events: {rows:N0} source rows in {clock.Elapsed.TotalSeconds:F1} s");
            }
        }

        Console.WriteLine($"// {committees.Count} committees, {members:N0} active members, year {year}");
        var passes = new List<(double Seconds, long Entries)>();
        for (var pass = 0; pass < 2; pass++)
        {
            var clock = Stopwatch.StartNew();
            long entries = 0;
            foreach (var committee in committees)
            {
                using var scope = app.Services.CreateScope();
                scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
                entries += await scope.ServiceProvider.GetRequiredService<DutyLedger>().RebuildAsync(committee, year);
            }

            passes.Add((clock.Elapsed.TotalSeconds, entries));
            Console.WriteLine($"rebuild pass {pass + 1}: {clock.Elapsed.TotalSeconds:F1} s, {entries:N0} entries");
        }

        // Baseline: the same rows, already in memory, deleted and written again.
        var baseline = TimeSpan.Zero;
        foreach (var committee in committees)
        {
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
            var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
            var entries = await db.DutyEntries.AsNoTracking().Where(e => e.CommitteeId == committee && e.Year == year).ToListAsync();
            var scores = await db.DutyYearScores.AsNoTracking().Where(s => s.CommitteeId == committee && s.Year == year).ToListAsync();
            var clock = Stopwatch.StartNew();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await db.DutyEntries.Where(e => e.CommitteeId == committee && e.Year == year).ExecuteDeleteAsync();
                await new BulkWriter(db).WriteAsync(entries, CancellationToken.None);
                await db.DutyYearScores.Where(s => s.CommitteeId == committee && s.Year == year).ExecuteDeleteAsync();
                await new BulkWriter(db).WriteAsync(scores, CancellationToken.None);
                await tx.CommitAsync();
            }

            baseline += clock.Elapsed;
        }

        var best = passes.Min(p => p.Seconds);
        Console.WriteLine($"baseline (delete + COPY of the same entries and scores): {baseline.TotalSeconds:F1} s");
        Console.WriteLine($"rebuild ÷ baseline: {best / baseline.TotalSeconds:F1} (best pass)");
        Console.WriteLine($"idempotent: {(passes[0].Entries == passes[1].Entries ? "yes" : "NO")}, target < 60 s: {(best < 60 ? "met" : "NOT met")}");
        Console.WriteLine($"// load average: {(File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "n/a")}");
        return passes[0].Entries == passes[1].Entries ? 0 : 1;
    }

    /// <summary>One year of the other modules' rows for every committee, written by COPY.</summary>
    private static async Task<long> GenerateYearAsync(TongxinDbContext db, int year)
    {
        var random = new Random(year);
        long written = 0;
        var committees = await db.Committees.Select(c => c.Id).ToListAsync();
        foreach (var committee in committees)
        {
            var members = await db.Members.Where(m => m.CommitteeId == committee && m.IsActive).OrderBy(m => m.DutyCode).Select(m => new { m.Id, m.Name }).ToListAsync();
            var activities = new List<Activity>();
            var places = new List<ActivityParticipant>();
            var speeches = new List<ActivitySpeech>();
            for (var k = 0; k < 13; k++)
            {
                var plenary = k == 0;
                var starts = BeijingTime.StartOfDayUtc(new DateOnly(year, 1 + (k % 11), 10 + (k % 15))).AddHours(9);
                var a = new Activity
                {
                    CommitteeId = committee,
                    Type = plenary ? ActivityType.Plenary : (ActivityType)(2 + (k % 15)),
                    Title = Marker + (plenary ? "全体会议" : $"履职活动{k}"),
                    StartsAt = starts,
                    EndsAt = starts.AddHours(4),
                    HalfDays = plenary ? 5 : 1,
                    Mode = plenary ? AttendanceMode.MustAttend : AttendanceMode.SignUp,
                    Status = ActivityStatus.Closed,
                    SignInSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                    CreatedAt = starts.AddDays(-20),
                    ClosedAt = starts.AddDays(1),
                };
                activities.Add(a);
                foreach (var m in members.Where(_ => plenary || random.Next(5) < 3))
                {
                    var roll = random.Next(100);
                    places.Add(new ActivityParticipant
                    {
                        CommitteeId = committee,
                        ActivityId = a.Id,
                        MemberId = m.Id,
                        Invited = plenary,
                        Attendance = roll < 90 ? Attendance.Present : roll < 96 ? Attendance.OnLeave : Attendance.Absent,
                    });
                    if (random.Next(100) < 3)
                    {
                        speeches.Add(new ActivitySpeech { CommitteeId = committee, ActivityId = a.Id, SpeakerMemberId = m.Id, SpeakerName = m.Name, Title = "发言", Text = "发言", CreatedAt = starts });
                    }
                }
            }

            var reports = new List<OpinionReport>();
            var authors = new List<OpinionReportAuthor>();
            var outcomes = new List<OpinionOutcome>();
            var problems = new List<SupervisionProblem>();
            var visits = new List<MassVisit>();
            var plans = new List<DutyPlanItem>();
            var number = 100000;
            foreach (var m in members)
            {
                var at = BeijingTime.StartOfDayUtc(new DateOnly(year, 1 + random.Next(11), 1 + random.Next(27))).AddHours(10);
                var r = new OpinionReport
                {
                    CommitteeId = committee,
                    Year = year,
                    Title = Marker + "关于改进公共服务的建议",
                    SubmitterKind = OpinionSubmitterKind.Member,
                    SubmitterName = m.Name,
                    LeadMemberId = m.Id,
                    Status = OpinionStatus.Published,
                    CreatedAt = at,
                    SubmittedAt = at,
                    LastActivityAt = at,
                };
                reports.Add(r);
                authors.Add(new OpinionReportAuthor { CommitteeId = committee, ReportId = r.Id, MemberId = m.Id, MemberName = m.Name, Order = 1 });
                if (random.Next(4) == 0)
                {
                    var co = members[random.Next(members.Count)];
                    if (co.Id != m.Id)
                    {
                        authors.Add(new OpinionReportAuthor { CommitteeId = committee, ReportId = r.Id, MemberId = co.Id, MemberName = co.Name, Order = 2 });
                    }
                }

                if (random.Next(3) == 0)
                {
                    outcomes.Add(new OpinionOutcome
                    {
                        CommitteeId = committee,
                        ReportId = r.Id,
                        Kind = OpinionOutcomeKind.Adopted,
                        Level = (AdoptionLevel)random.Next(0, 3),
                        Combined = random.Next(2) == 0,
                        Date = DateOnly.FromDateTime(at.AddDays(20)),
                        RecordedByName = "基准",
                        RecordedAt = at.AddDays(20),
                    });
                }

                if (random.Next(10) == 0)
                {
                    problems.Add(new SupervisionProblem
                    {
                        CommitteeId = committee,
                        Year = year,
                        Number = number++,
                        Source = ProblemSource.Supervisor,
                        ReportedByMemberId = m.Id,
                        Title = Marker + "监督问题",
                        Status = ProblemStatus.Assigned,
                        RecordedAt = at,
                        AssignDueOn = DateOnly.FromDateTime(at.AddDays(3)),
                    });
                }

                for (var v = random.Next(3); v > 0; v--)
                {
                    visits.Add(new MassVisit { CommitteeId = committee, MemberId = m.Id, Date = DateOnly.FromDateTime(at.AddDays(v)), Place = "社区", PeopleServed = 10, Summary = "走访", CreatedAt = at });
                }

                plans.Add(new DutyPlanItem { CommitteeId = committee, MemberId = m.Id, Year = year, Title = "一人一事", CompletedOn = random.Next(2) == 0 ? DateOnly.FromDateTime(at) : null, CreatedAt = at });
            }

            var writer = new BulkWriter(db);
            await writer.WriteAsync(activities, CancellationToken.None);
            await writer.WriteAsync(places, CancellationToken.None);
            await writer.WriteAsync(speeches, CancellationToken.None);
            await writer.WriteAsync(reports, CancellationToken.None);
            await writer.WriteAsync(authors, CancellationToken.None);
            await writer.WriteAsync(outcomes, CancellationToken.None);
            await writer.WriteAsync(problems, CancellationToken.None);
            await writer.WriteAsync(visits, CancellationToken.None);
            await writer.WriteAsync(plans, CancellationToken.None);
            written += activities.Count + places.Count + speeches.Count + reports.Count + authors.Count + outcomes.Count + problems.Count + visits.Count + plans.Count;
        }

        return written;
    }
}
