using System.Diagnostics;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Performance.Ledger;
using Tongxin.Modules.Performance.MemberRecord;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Bench;

/// <summary>Annual duty reports for N members (default 500) as .docx streamed into one ZIP file
/// (<c>dotnet run -c Release --project bench/Tongxin.Bench -- annual-reports [--count N]</c>, needs
/// TONGXIN_BENCH_PG and the ledger benchmark's database, which it opens or seeds). Measured: what the
/// bulk job does per member – load the member's year, compose, write the .docx into the ZIP entry –
/// with the peak managed heap sampled after every report and the process's peak working set. The
/// baseline, same run and members: loading each member's year alone (<c>DutyRecordQuery.LoadAsync</c>),
/// the part no document format can avoid.</summary>
public static class AnnualReportLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable) is not { Length: > 0 })
        {
            Console.Error.WriteLine($"annual-reports needs {BenchDatabase.PostgresVariable} (a throwaway PostgreSQL server).");
            return 2;
        }

        var count = args.SkipWhile(a => a != "--count").Skip(1).Select(int.Parse).FirstOrDefault(500);
        await using var app = await BenchDatabase.OpenAsync(BenchDb.PostgreSql, LedgerLoad.DatabaseName, SeedScale.Province);
        var year = BeijingTime.Today(TimeProvider.System).Year;
        List<Guid> members;
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
            var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
            if (!await db.DutyYearScores.AnyAsync(s => s.Year == year))
            {
                Console.Error.WriteLine("Run the ledger benchmark first (it fills the year's ledger).");
                return 2;
            }

            // The members with the fullest records, so the documents are the longest.
            members = await db.DutyYearScores.Where(s => s.Year == year).OrderByDescending(s => s.Total).ThenBy(s => s.MemberId)
                .Select(s => s.MemberId).Take(count).ToListAsync();
        }

        await LoadAllAsync(app.Services, members, year); // warm-up: model, plans, pool, JIT
        GC.Collect();
        var startHeap = GC.GetTotalMemory(true);
        var baseline = Stopwatch.StartNew();
        await LoadAllAsync(app.Services, members, year);
        baseline.Stop();

        var path = Path.Combine(Path.GetTempPath(), $"tongxin-annual-reports-{Guid.NewGuid():N}.zip");
        long peakHeap = 0;
        var clock = Stopwatch.StartNew();
        await using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            for (var i = 0; i < members.Count; i += 50)
            {
                using var scope = app.Services.CreateScope();
                scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
                var reports = scope.ServiceProvider.GetRequiredService<AnnualReportHandler>();
                var chunk = members.Skip(i).Take(50).ToList();
                // As the bulk job does: the members' headers in one query, then each member's year.
                var headers = await scope.ServiceProvider.GetRequiredService<DutyRecordQuery>().Headers(m => chunk.Contains(m.Id)).ToListAsync();
                foreach (var member in headers)
                {
                    await using (var entry = zip.CreateEntry($"{member.Id}.docx", CompressionLevel.Fastest).Open())
                    {
                        await reports.WriteDocxAsync(member, year, entry);
                    }

                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                }
            }
        }

        clock.Stop();
        var size = new FileInfo(path).Length;
        File.Delete(path);
        Process.GetCurrentProcess().Refresh();
        Console.WriteLine($"{members.Count} annual reports (.docx) into one ZIP ({size / 1024.0 / 1024.0:F1} MB): {clock.Elapsed.TotalSeconds:F1} s, {clock.Elapsed.TotalMilliseconds / members.Count:F1} ms each");
        Console.WriteLine($"baseline (loading the same members' years only): {baseline.Elapsed.TotalSeconds:F1} s; reports ÷ baseline: {clock.Elapsed.TotalSeconds / baseline.Elapsed.TotalSeconds:F1}");
        Console.WriteLine($"managed heap: {startHeap / 1024.0 / 1024.0:F0} MB at the start, peak {peakHeap / 1024.0 / 1024.0:F0} MB while writing; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");
        Console.WriteLine($"target < 60 s: {(clock.Elapsed.TotalSeconds < 60 ? "met" : "NOT met")}");
        Console.WriteLine($"// load average: {(File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "n/a")}");
        return 0;
    }

    private static async Task LoadAllAsync(IServiceProvider services, List<Guid> members, int year)
    {
        for (var i = 0; i < members.Count; i += 50)
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
            var records = scope.ServiceProvider.GetRequiredService<DutyRecordQuery>();
            var chunk = members.Skip(i).Take(50).ToList();
            foreach (var member in await records.Headers(m => chunk.Contains(m.Id)).ToListAsync())
            {
                await records.LoadAsync(member, year);
            }
        }
    }
}
