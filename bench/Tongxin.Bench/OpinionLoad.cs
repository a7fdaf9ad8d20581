using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Opinions;
using Tongxin.Modules.Opinions.Screening;
using Tongxin.Modules.Opinions.Search;
using Tongxin.Modules.Opinions.Seeding;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;

namespace Tongxin.Bench;

/// <summary>社情民意 at scale (<c>dotnet run -c Release --project bench/Tongxin.Bench -- opinions</c>):
/// 1,000,000 reports in PostgreSQL and in the report index; the screening queue's first and filtered
/// pages and the search with 2- and 4-character words, each as p50/p95/max next to a baseline measured
/// in the same run (one report looked up by primary key through the same app). Each call opens a new
/// DI scope and DbContext, as a request does.</summary>
public static class OpinionLoad
{
    public const string DatabaseName = "tongxin_bench_opinions";
    public const int Total = 1_000_000;

    private static readonly string[] TwoCharacterWords = ["停车", "电梯", "快递", "托育", "近视", "内涝", "冷链", "公厕", "骑手", "非遗"];
    private static readonly string[] FourCharacterWords = ["加装电梯", "飞线充电", "长者食堂", "普惠托位", "共享车位", "冷链物流", "夜间门诊", "资金存管"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (!BenchDatabase.Available().Contains(BenchDb.PostgreSql))
        {
            await Console.Error.WriteLineAsync($"{BenchDatabase.PostgresVariable} is not set: this benchmark needs PostgreSQL.");
            return 2;
        }

        var rounds = BenchArgs.Int(args, "--rounds", 50);
        var indexPath = Path.Combine(Path.GetTempPath(), "tongxin-bench-opinion-index");
        await using var app = await BenchDatabase.OpenAsync(BenchDb.PostgreSql, DatabaseName, SeedScale.Demo,
            new Dictionary<string, string?> { ["Tongxin:OpinionSearch:IndexPath"] = indexPath });
        var (staff, someId) = await PrepareAsync(app);
        Console.WriteLine($"// {await CountAsync(app):N0} reports; index {indexPath}: {app.Services.GetRequiredService<OpinionIndex>().Count:N0} documents");

        var waiting = new ScreeningFilter();
        var filtered = new ScreeningFilter { Status = nameof(OpinionStatus.Rejected), Year = 2024, Category = "城乡建设" };
        var allUrgent = new ScreeningFilter { Status = ScreeningFilter.AllStatuses, Urgent = true, Kind = OpinionSubmitterKind.Party };
        var i2 = 0;
        var i4 = 0;
        var q2 = 0;
        ScreeningFilter Text2() => new() { Status = ScreeningFilter.AllStatuses, Q = TwoCharacterWords[q2++ % TwoCharacterWords.Length] };

        // Warm up the model, the pool, the plans and the index readers once.
        await BaselineAsync(app, staff, someId);
        await QueueAsync(app, staff, waiting, 1);
        await QueueAsync(app, staff, filtered, 1);
        await SearchAsync(app, staff, "停车");

        var baseline = await TimeAsync(rounds, () => BaselineAsync(app, staff, someId));
        var results = new List<(string What, List<double> Times)>
        {
            ("queue 待筛选, page 1 (+ total)", await TimeAsync(rounds, () => QueueAsync(app, staff, waiting, 1))),
            ("queue 待筛选, page 40", await TimeAsync(rounds, () => QueueAsync(app, staff, waiting, 40))),
            ("queue 不采用 + 2024 + 城乡建设, page 1", await TimeAsync(rounds, () => QueueAsync(app, staff, filtered, 1))),
            ("queue 全部 + 急报 + 党派, page 1", await TimeAsync(rounds, () => QueueAsync(app, staff, allUrgent, 1))),
            ("queue 全部 + 2-character word, page 1", await TimeAsync(rounds, () => QueueAsync(app, staff, Text2(), 1))),
            ("search, 2-character word, page 1", await TimeAsync(rounds, () => SearchAsync(app, staff, TwoCharacterWords[i2++ % TwoCharacterWords.Length]))),
            ("search, 4-character word, page 1", await TimeAsync(rounds, () => SearchAsync(app, staff, FourCharacterWords[i4++ % FourCharacterWords.Length]))),
        };
        Report("baseline: one report by primary key", baseline, baseline);
        foreach (var (what, times) in results)
        {
            Report(what, times, baseline);
        }

        if (File.Exists("/proc/loadavg"))
        {
            Console.WriteLine($"load average (1, 5, 15 min): {File.ReadAllText("/proc/loadavg").Trim()}");
        }

        return 0;
    }

    /// <summary>Seeds the million reports if the database has fewer (the city half, its two counties
    /// a quarter each) and rebuilds the index when it does not hold them all.</summary>
    private static async Task<(Actor Staff, Guid SomeId)> PrepareAsync(WebApplication app)
    {
        await using var scope = Scope(app, Actor.System);
        var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        var city = await db.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => c.Id).SingleAsync();
        var counties = await db.Committees.Where(c => c.ParentId == city).OrderBy(c => c.Code).Select(c => c.Id).ToListAsync();
        var existing = await db.OpinionReports.CountAsync();
        if (existing < Total)
        {
            var clock = Stopwatch.StartNew();
            var missing = Total - existing;
            var cityShare = missing / 2;
            var rest = missing - cityShare;
            var shares = new List<(Guid, int)> { (city, cityShare) };
            shares.AddRange(counties.Select((c, i) => (c, (rest / counties.Count) + (i < rest % counties.Count ? 1 : 0))));
            await OpinionScaleSeeder.SeedAsync(db, shares, line => Console.WriteLine($"// {line} ({clock.Elapsed.TotalSeconds:F0} s)"));
            Console.WriteLine($"// seeded {missing:N0} reports in {clock.Elapsed.TotalSeconds:F1} s");
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"OpinionReports\"");
        }

        var index = app.Services.GetRequiredService<OpinionIndex>();
        var count = await db.OpinionReports.CountAsync();
        if (index.Count != count)
        {
            var clock = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<OpinionIndexer>().RebuildAsync(CancellationToken.None);
            Console.WriteLine($"// indexed {count:N0} reports in {clock.Elapsed.TotalSeconds:F1} s");
        }

        var tree = app.Services.GetRequiredService<CommitteeTree>();
        var staff = new Actor(Guid.NewGuid(), "bench.staff", city, [Roles.Staff], [Permissions.Opinions], await tree.ReadableFromAsync(city), "127.0.0.1");
        var someId = await db.OpinionReports.Where(x => x.CommitteeId == city).OrderBy(x => x.Id).Select(x => x.Id).Skip(12345).FirstAsync();
        return (staff, someId);
    }

    private static async Task<int> CountAsync(WebApplication app)
    {
        await using var scope = Scope(app, Actor.System);
        return await scope.ServiceProvider.GetRequiredService<TongxinDbContext>().OpinionReports.CountAsync();
    }

    private static async Task BaselineAsync(WebApplication app, Actor actor, Guid id)
    {
        await using var scope = Scope(app, actor);
        var title = await scope.ServiceProvider.GetRequiredService<TongxinDbContext>().OpinionReports.Where(r => r.Id == id).Select(r => r.Title).FirstAsync();
        if (title.Length == 0)
        {
            throw new InvalidOperationException("Empty title.");
        }
    }

    private static async Task QueueAsync(WebApplication app, Actor actor, ScreeningFilter filter, int page)
    {
        await using var scope = Scope(app, actor);
        var result = await scope.ServiceProvider.GetRequiredService<ScreeningQueue>().ListAsync(filter, page);
        if (result.Total == 0 || result.Items.Count == 0)
        {
            throw new InvalidOperationException($"The queue is empty for {filter.Describe()}: the data was not seeded.");
        }
    }

    private static async Task SearchAsync(WebApplication app, Actor actor, string word)
    {
        await using var scope = Scope(app, actor);
        var result = await scope.ServiceProvider.GetRequiredService<OpinionSearch>().SearchAsync(word, new OpinionSearchFilter(), 1);
        if (result.Total == 0)
        {
            throw new InvalidOperationException($"Nothing found for {word}: the index is empty.");
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

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static void Report(string what, List<double> sorted, List<double> baseline) =>
        Console.WriteLine($"{what,-44} n={sorted.Count,3}  p50 {P(sorted, 0.5),7:F1} ms  p95 {P(sorted, 0.95),7:F1} ms  max {sorted[^1],7:F1} ms  " +
            $"p95 ratio {P(sorted, 0.95) / P(baseline, 0.95),6:F1}");

    private static AsyncServiceScope Scope(WebApplication app, Actor actor)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = actor;
        return scope;
    }
}
