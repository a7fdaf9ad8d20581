using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tongxin.Modules.PublicChannels;
using Tongxin.Modules.PublicChannels.Intake;
using Tongxin.Modules.PublicChannels.Points;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Bench;

/// <summary>码上商 submission throughput on PostgreSQL (<c>dotnet run -c Release --project
/// bench/Tongxin.Bench -- public-intake [--count N] [--workers 1,4,16,64] [--rounds 3]</c>, needs
/// TONGXIN_BENCH_PG). Each submission goes through the real handler as a request would (new scope:
/// point by token → public actor → stamp check → cleaning, validation, sensitive words → receipt
/// code → the intake writer's save with its audit row and outbox event, batched with whatever
/// other submissions are waiting). The baseline, measured in the same run and database with the
/// same number of concurrent workers: single-row INSERTs (one statement, one commit each) of a
/// table of the same shape.</summary>
public static class PublicIntakeLoad
{
    public const string DatabaseName = "tongxin_bench_public";

    public static async Task<int> RunAsync(string[] args)
    {
        if (Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable) is not { Length: > 0 } server)
        {
            Console.Error.WriteLine($"public-intake needs {BenchDatabase.PostgresVariable} (a throwaway PostgreSQL server).");
            return 2;
        }

        var count = BenchArgs.Int(args, "--count", 2000);
        var connection = await FreshDatabaseAsync(server);
        await using var app = await OpenAsync(connection);
        var token = PointsDemoSeeder.HospitalToken;
        await CreateBaselineTableAsync(connection);

        // Warm up both paths (model, plans, pool, sensitive-word cache) until the JIT has settled:
        // the runtime recompiles hot methods at tier 1 in the background for the first seconds of
        // load, and that compilation (a quarter of both cores) must not count against either side.
        await WarmUpAsync(connection, app, token);

        if (args.Contains("--phases"))
        {
            await PhasesAsync(app, token, count);
            return 0;
        }

        var levels = BenchArgs.Ints(args, "--workers", [1, 4, 16, 64]);
        // Interleaved rounds (baseline, handler, baseline, handler …) so a load spike on these
        // shared cores hits both alike; the median round's ratio is the figure.
        var rounds = BenchArgs.Int(args, "--rounds", 3);
        var peaks = new List<(int Workers, double Raw, double Letters)>();
        foreach (var workers in levels)
        {
            var ratios = new List<double>();
            var rawRates = new List<double>();
            var letterRates = new List<double>();
            Console.WriteLine($"{workers} worker(s), {count} rows per series, {rounds} rounds:");
            for (var round = 1; round <= rounds; round++)
            {
                var raw = await RawInsertsAsync(connection, count, workers);
                var (handler, cpu) = await SubmissionsAsync(app, token, count, workers);
                ratios.Add(raw.TotalSeconds / handler.TotalSeconds);
                rawRates.Add(count / raw.TotalSeconds);
                letterRates.Add(count / handler.TotalSeconds);
                Console.WriteLine($"  round {round}: raw INSERT {count / raw.TotalSeconds,6:F0} rows/s; public submission {count / handler.TotalSeconds,6:F0} rows/s "
                    + $"({handler.TotalMilliseconds / count:F2} ms each, this process's CPU {cpu.TotalMilliseconds / count:F2} ms each); ratio {ratios[^1]:P0}");
            }

            Console.WriteLine($"  median ratio: {ratios.Order().ElementAt(ratios.Count / 2):P0} of the raw insert rate");
            peaks.Add((workers, rawRates.Order().ElementAt(rawRates.Count / 2), letterRates.Order().ElementAt(letterRates.Count / 2)));
        }

        // Throughput against throughput: the most letters/s any level sustained against the most
        // single-row inserts/s the database took at any level (each a median over the rounds).
        var rawPeak = peaks.MaxBy(p => p.Raw);
        var letterPeak = peaks.MaxBy(p => p.Letters);
        Console.WriteLine($"peak: public submission {letterPeak.Letters:F0} letters/s ({letterPeak.Workers} senders) against raw INSERT {rawPeak.Raw:F0} rows/s "
            + $"({rawPeak.Workers} workers): {letterPeak.Letters / rawPeak.Raw:P0}");

        Console.WriteLine($"// load average: {(File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "n/a")}");
        return 0;
    }

    private static async Task WarmUpAsync(string connection, WebApplication app, string token)
    {
        for (var pass = 1; pass <= 10; pass++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            await RawInsertsAsync(connection, 2000, 16);
            await SubmissionsAsync(app, token, 2000, 16);
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
            Console.WriteLine($"// warm-up pass {pass}: {compiled} methods compiled");
            if (compiled < 50)
            {
                return;
            }
        }
    }

    private static async Task<(TimeSpan Elapsed, TimeSpan Cpu)> SubmissionsAsync(WebApplication app, string token, int count, int workers)
    {
        // The stamps come from the GET that rendered each form, not from the POST measured here.
        var issuer = app.Services.GetRequiredService<PublicFormStamps>();
        var stamps = Enumerable.Range(0, count).Select(_ => issuer.Issue(PublicPointForm.Scope(token))).ToArray();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < count; i += workers)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                sp.GetRequiredService<ActorAccessor>().Actor = Actor.Anonymous("198.51.100.7");
                var form = sp.GetRequiredService<PublicPointForm>();
                var point = await form.FindAsync(token);
                var stamp = stamps[i];
                await form.SubmitAsync(
                    point,
                    new PublicLetterInput($"基准测试来信 {i}", "门诊挂号排队时间太长，建议增加人工窗口。第" + i + "封。", "测试", "13812345678"),
                    stamp,
                    null,
                    "bench");
            }
        })));
        var elapsed = clock.Elapsed;
        jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitted;
        if (jitted >= 50)
        {
            Console.WriteLine($"    ({jitted} methods compiled during this series)");
        }

        return (elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    /// <summary>Where one submission's time goes (one worker): scope and point look-up, the stamp, the
    /// intake (cleaning, words, the save with its audit and outbox rows), and the SQL it sends.</summary>
    private static async Task PhasesAsync(WebApplication app, string token, int count)
    {
        var scopeTime = TimeSpan.Zero;
        var find = TimeSpan.Zero;
        var wordsTime = TimeSpan.Zero;
        var stampTime = TimeSpan.Zero;
        var accept = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<ActorAccessor>().Actor = Actor.Anonymous("198.51.100.7");
            var form = sp.GetRequiredService<PublicPointForm>();
            scopeTime += clock.Elapsed;
            clock.Restart();
            var point = await form.FindAsync(token);
            find += clock.Elapsed;
            clock.Restart();
            await sp.GetRequiredService<SensitiveWordFilter>().MatchAsync(point.CommitteeId, ["分段计时来信", "门诊挂号排队时间太长，建议增加人工窗口。", "测试"]);
            wordsTime += clock.Elapsed;
            clock.Restart();
            var stamps = sp.GetRequiredService<PublicFormStamps>();
            var ticket = stamps.Verify(PublicPointForm.Scope(token), stamps.Issue(PublicPointForm.Scope(token)), null);
            stampTime += clock.Elapsed;
            clock.Restart();
            await sp.GetRequiredService<PublicSubmissionIntake>().AcceptAsync(
                new PublicLetterTarget(point.CommitteeId, PublicChannel.LiaisonPoint, point.Id, null),
                new PublicLetterInput($"分段计时来信 {i}", "门诊挂号排队时间太长，建议增加人工窗口。第" + i + "封。", "测试", "13812345678"),
                ticket,
                "bench");
            accept += clock.Elapsed;
        }

        // The save alone, three ways: as the intake does it (audit row, chain head, outbox event, own
        // transaction), without the audit and event (EF's insert and commit), and EF's time for the row.
        var full = TimeSpan.Zero;
        var bare = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            foreach (var audited in new[] { true, false })
            {
                await using var scope = app.Services.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                var point = await sp.GetRequiredService<PublicPointForm>().FindAsync(token);
                var db = sp.GetRequiredService<TongxinDbContext>();
                db.AuditEntityChanges = audited;
                var clock = Stopwatch.StartNew();
                var row = new PublicSubmission
                {
                    CommitteeId = point.CommitteeId,
                    Channel = PublicChannel.LiaisonPoint,
                    LiaisonPointId = point.Id,
                    Title = $"保存计时 {i} {audited}",
                    Content = "门诊挂号排队时间太长。",
                    ReceiptCode = ReceiptCodes.NewCode(),
                    IdempotencyKey = Guid.NewGuid().ToString("N"),
                    ClientHash = "bench",
                };
                db.PublicSubmissions.Add(row);
                if (audited)
                {
                    db.Raise(new PublicSubmissionReceived(row.Id, row.CommitteeId, row.Channel, row.LiaisonPointId, null, row.Status));
                }

                await db.SaveChangesAsync();
                if (audited)
                {
                    full += clock.Elapsed;
                }
                else
                {
                    bare += clock.Elapsed;
                }
            }
        }

        Console.WriteLine($"save only: with audit, chain and outbox {full.TotalMilliseconds / count:F2} ms; plain EF insert {bare.TotalMilliseconds / count:F2} ms");
        Console.WriteLine($"per submission over {count}: scope {scopeTime.TotalMilliseconds / count:F2} ms, point {find.TotalMilliseconds / count:F2} ms, words {wordsTime.TotalMilliseconds / count:F3} ms, stamp {stampTime.TotalMilliseconds / count:F3} ms, intake {accept.TotalMilliseconds / count:F2} ms");
    }

    private static async Task<TimeSpan> RawInsertsAsync(string connection, int count, int workers)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            await using var c = new NpgsqlConnection(connection);
            await c.OpenAsync();
            for (var i = w; i < count; i += workers)
            {
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO bench_raw_insert (id, committee_id, title, content, receipt_code, idempotency_key, created_at) VALUES (@id, @c, @t, @b, @r, @k, now())", c);
                insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
                insert.Parameters.AddWithValue("c", Guid.Empty);
                insert.Parameters.AddWithValue("t", $"基准测试来信 {i}");
                insert.Parameters.AddWithValue("b", "门诊挂号排队时间太长，建议增加人工窗口。第" + i + "封。");
                insert.Parameters.AddWithValue("r", ReceiptCodes.NewCode());
                insert.Parameters.AddWithValue("k", Guid.NewGuid().ToString("N"));
                await insert.ExecuteNonQueryAsync();
            }
        })));
        return clock.Elapsed;
    }

    private static async Task CreateBaselineTableAsync(string connection)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var create = new NpgsqlCommand(
            "CREATE TABLE bench_raw_insert (id uuid PRIMARY KEY, committee_id uuid NOT NULL, title varchar(100) NOT NULL, content text NOT NULL, "
            + "receipt_code varchar(16) NOT NULL UNIQUE, idempotency_key varchar(64) NOT NULL, created_at timestamptz NOT NULL, UNIQUE (committee_id, idempotency_key))", c);
        await create.ExecuteNonQueryAsync();
    }

    private static async Task<string> FreshDatabaseAsync(string server)
    {
        var builder = new NpgsqlConnectionStringBuilder(server);
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName} ENCODING 'UTF8' TEMPLATE template0", admin);
            await create.ExecuteNonQueryAsync();
        }

        builder.Database = DatabaseName;
        return builder.ConnectionString;
    }

    /// <summary>The app's services on the fresh database with the demo data (its 码上商 points and words).</summary>
    private static async Task<WebApplication> OpenAsync(string connection)
    {
        var app = TongxinApp.Build(
            new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Logging:LogLevel:Default"] = "Warning",
                    ["Tongxin:Database:Provider"] = "PostgreSQL",
                    ["Tongxin:Database:ConnectionString"] = connection,
                    ["Tongxin:Events:RunDispatcher"] = "false",
                    ["Tongxin:Public:MinFillSeconds"] = "0",
                });
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
            });
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        await scope.ServiceProvider.GetRequiredService<TongxinDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(SeedScale.Demo);
        return app;
    }
}
