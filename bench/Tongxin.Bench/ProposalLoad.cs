using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Reporting;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Bench;

/// <summary>提案管理 load figures over the province data with 300,000 proposals in ten years
/// (<c>dotnet run -c Release --project bench/Tongxin.Bench -- proposals</c>). Not BenchmarkDotNet:
/// the targets are a p95 and a peak memory, which it does not report. Each figure is printed next
/// to a baseline measured in the same run: one trivial query round trip through the same app.</summary>
public static class ProposalLoad
{
    public const string DatabaseName = "tongxin_bench_proposals";

    public static async Task<int> RunAsync(string[] args)
    {
        var db = BenchDatabase.Available().Contains(BenchDb.PostgreSql) ? BenchDb.PostgreSql : BenchDb.Sqlite;
        var rounds = BenchArgs.Int(args, "--rounds", 50);
        var exportOnly = args.Contains("--export-only");
        await using var app = await BenchDatabase.OpenAsync(db, DatabaseName);
        var (cityStaff, provinceStaff, cityId, sessionId) = await ActorsAsync(app);
        Console.WriteLine($"// {db}: {await CountAsync(app)} proposals");

        // Warm up the model and the pool once; the baseline is reported with the export alone too.
        await BaselineAsync(app, cityStaff);
        var baseline = await TimeAsync(rounds, () => BaselineAsync(app, cityStaff));
        Report("baseline: trivial query round trip", baseline);
        if (!exportOnly)
        {
            // Warm up the plans once.
            await ListAsync(app, cityStaff, cityId, sessionId);
            await StatisticsAsync(app, cityStaff, sessionId);

            var list = await TimeAsync(rounds, () => ListAsync(app, cityStaff, cityId, sessionId));
            var stats = await TimeAsync(Math.Max(5, rounds / 2), () => StatisticsAsync(app, cityStaff, sessionId));
            var provinceList = await TimeAsync(Math.Max(5, rounds / 2), () => ListAsync(app, provinceStaff, null, null));
            Report("staff list, committee + session + status, page 1", list);
            Report("session statistics (city, current session)", stats);
            Report("province staff list, all 100 committees, page 1", provinceList);
        }

        // The export: 社会法制 is 10 of the 30 generated topics, so about 100,000 of the province's proposals.
        var filter = new ProposalFilter { Category = "社会法制" };
        ResetPeak();
        var before = CurrentRss();
        var clock = Stopwatch.StartNew();
        int rows;
        var path = Path.Combine(Path.GetTempPath(), "tongxin-bench-export.xlsx");
        await using (var scope = Scope(app, provinceStaff))
        {
            var export = scope.ServiceProvider.GetRequiredService<ProposalExcelExport>();
            await using var file = File.Create(path);
            rows = await export.WriteAsync(filter, file);
        }

        clock.Stop();
        var peak = PeakRss();
        Console.WriteLine($"export: {rows:N0} proposals in {clock.Elapsed.TotalSeconds:F1} s, file {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB, " +
            $"RSS before {before / 1048576.0:F0} MB, peak during export {peak / 1048576.0:F0} MB (+{(peak - before) / 1048576.0:F0} MB)");
        if (File.Exists("/proc/loadavg"))
        {
            Console.WriteLine($"load average (1, 5, 15 min) after the export: {File.ReadAllText("/proc/loadavg").Trim()}");
        }

        File.Delete(path);
        return 0;
    }

    private static async Task<(Actor City, Actor Province, Guid CityId, Guid SessionId)> ActorsAsync(WebApplication app)
    {
        await using var scope = Scope(app, Actor.System);
        var data = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        var cityId = await data.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => c.Id).SingleAsync();
        var provinceId = await data.Committees.Where(c => c.ParentId == null).Select(c => c.Id).SingleAsync();
        var sessionId = await data.Sessions.Where(s => s.CommitteeId == cityId && s.IsCurrent).Select(s => s.Id).SingleAsync();
        var tree = app.Services.GetRequiredService<CommitteeTree>();
        return (Staff(cityId, await tree.ReadableFromAsync(cityId)), Staff(provinceId, await tree.ReadableFromAsync(provinceId)), cityId, sessionId);
    }

    private static Actor Staff(Guid committeeId, IReadOnlyCollection<Guid> readable) =>
        new(Guid.NewGuid(), "bench.staff", committeeId, [Roles.Staff], [Permissions.Proposals], readable, "127.0.0.1");

    private static async Task<int> CountAsync(WebApplication app)
    {
        await using var scope = Scope(app, Actor.System);
        return await scope.ServiceProvider.GetRequiredService<TongxinDbContext>().Proposals.CountAsync();
    }

    private static async Task BaselineAsync(WebApplication app, Actor actor)
    {
        await using var scope = Scope(app, actor);
        await scope.ServiceProvider.GetRequiredService<TongxinDbContext>().Database.ExecuteSqlRawAsync("SELECT 1");
    }

    private static async Task ListAsync(WebApplication app, Actor actor, Guid? committeeId, Guid? sessionId)
    {
        await using var scope = Scope(app, actor);
        var page = await scope.ServiceProvider.GetRequiredService<ProposalListHandler>()
            .ListAsync(new ProposalFilter { CommitteeId = committeeId, SessionId = sessionId, Status = ProposalStatus.Handling }, 1);
        if (page.Total == 0)
        {
            throw new InvalidOperationException("The benchmark list is empty: the data was not seeded.");
        }
    }

    private static async Task StatisticsAsync(WebApplication app, Actor actor, Guid sessionId)
    {
        await using var scope = Scope(app, actor);
        var s = await scope.ServiceProvider.GetRequiredService<ProposalStatisticsHandler>().GetAsync(sessionId);
        if (s.Totals.Received == 0)
        {
            throw new InvalidOperationException("No statistics: the data was not seeded.");
        }
    }

    private static async Task<List<double>> TimeAsync(int rounds, Func<Task> work)
    {
        var times = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await work();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    private static void Report(string what, List<double> sorted)
    {
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine($"{what,-52} n={sorted.Count,3}  p50 {P(0.5),7:F1} ms  p95 {P(0.95),7:F1} ms  max {sorted[^1],7:F1} ms");
    }

    private static AsyncServiceScope Scope(WebApplication app, Actor actor)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = actor;
        return scope;
    }

    /// <summary>Linux keeps the peak resident set (VmHWM); writing 5 to clear_refs resets it, so
    /// the peak read afterwards is the export's own.</summary>
    private static void ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // Not Linux: the process peak is reported instead.
        }
        catch (UnauthorizedAccessException)
        {
            // Not permitted: the process peak is reported instead.
        }
    }

    private static long CurrentRss()
    {
        using var p = Process.GetCurrentProcess();
        return p.WorkingSet64;
    }

    private static long PeakRss()
    {
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64;
    }
}
