using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Activities;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Bench;

/// <summary>A plenary's sign-in on PostgreSQL (<c>dotnet run -c Release --project bench/Tongxin.Bench --
/// activity-signin [--count N] [--workers W]</c>, needs TONGXIN_BENCH_PG): N members (default 500) of
/// one committee, all invited, each sign in once with the screen's current code through the real
/// handler, each in its own scope as a request would (actor → activity read → code check → place
/// look-up → audit entry on the chain → <c>UPDATE … WHERE SignedInAt IS NULL</c> → commit → name read
/// back), W at a time (default 16). The baseline, in the same run and database: the bare single-row
/// conditional UPDATE of another activity's places (one statement, one commit each), the same W at a
/// time. Reports p50/p95/p99 latency per sign-in and the total time.</summary>
public static class ActivitySignInLoad
{
    public const string DatabaseName = "tongxin_bench_signin";

    public static async Task<int> RunAsync(string[] args)
    {
        if (Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable) is not { Length: > 0 } server)
        {
            Console.Error.WriteLine($"activity-signin needs {BenchDatabase.PostgresVariable} (a throwaway PostgreSQL server).");
            return 2;
        }

        var count = BenchArgs.Int(args, "--count", 500);
        var workers = BenchArgs.Int(args, "--workers", 16);
        var connection = await FreshDatabaseAsync(server);
        await using var app = await OpenAsync(connection);
        var committee = await app.Services.GetRequiredService<CommitteeTree>().ReadableFromAsync(await CityAsync(app));
        var cityId = committee.First();

        // Warm-up on a small activity of its own (model, plans, pool), then the measured ones.
        var warm = await PlenaryAsync(app, cityId, 40);
        await SignInsAsync(app, cityId, committee, warm, workers, null);
        var ok = true;
        // Burst: every worker signs the next member in as soon as the last one is done (the worst
        // case, the whole hall at once); paced: the sign-ins arrive evenly over one minute, the
        // plenary's doors (still up to the same number in flight).
        foreach (var (name, spread) in new[] { ("burst", (TimeSpan?)null), ("paced over 60 s", TimeSpan.FromSeconds(60)) })
        {
            var handler = await PlenaryAsync(app, cityId, count);
            var raw = await PlenaryAsync(app, cityId, count);
            var baseline = await RawUpdatesAsync(connection, raw.Places, workers, spread);
            var measured = await SignInsAsync(app, cityId, committee, handler, workers, spread);
            var signedIn = await SignedInAsync(connection, handler.ActivityId);
            ok &= signedIn == count;
            Console.WriteLine($"{count} sign-ins, {name}, at most {workers} in flight:");
            Console.WriteLine($"  baseline raw conditional UPDATE: {Describe(baseline)}");
            Console.WriteLine($"  sign-in via SignInHandler:       {Describe(measured)}");
            Console.WriteLine($"  signed in afterwards: {signedIn} of {count}");
            Console.WriteLine($"// load average: {(File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "n/a")}");
        }

        return ok ? 0 : 1;
    }

    private sealed record Plenary(Guid ActivityId, string Secret, List<(Guid PlaceId, Guid MemberId)> Places);

    private sealed record Run(TimeSpan Total, double[] Milliseconds);

    private static string Describe(Run r)
    {
        var sorted = r.Milliseconds.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return $"total {r.Total.TotalSeconds:F2} s, p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {sorted[^1]:F1} ms";
    }

    /// <summary>Waits until sign-in <paramref name="i"/>'s turn when the run is paced.</summary>
    private static async Task TurnAsync(Stopwatch clock, int i, int count, TimeSpan? spread)
    {
        if (spread is { } s && s * i / count - clock.Elapsed is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait);
        }
    }

    private static async Task<Run> SignInsAsync(WebApplication app, Guid cityId, IReadOnlyCollection<Guid> readable, Plenary plenary, int workers, TimeSpan? spread)
    {
        var times = new double[plenary.Places.Count];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < plenary.Places.Count; i += workers)
            {
                await TurnAsync(clock, i, plenary.Places.Count, spread);
                var started = Stopwatch.GetTimestamp();
                await using var scope = app.Services.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                sp.GetRequiredService<ActorAccessor>().Actor = new Actor(Guid.NewGuid(), $"bench.member{i}", cityId, [Roles.Member], [], readable, "198.51.100.9")
                {
                    MemberId = plenary.Places[i].MemberId,
                };
                var code = SignInCode.Current(plenary.Secret, DateTimeOffset.UtcNow, 60);
                var outcome = await sp.GetRequiredService<SignInHandler>().SignInByActivityCodeAsync(plenary.ActivityId, code);
                if (outcome.AlreadySignedIn)
                {
                    throw new InvalidOperationException("a member was signed in twice");
                }

                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        return new Run(clock.Elapsed, times);
    }

    private static async Task<Run> RawUpdatesAsync(string connection, List<(Guid PlaceId, Guid MemberId)> places, int workers, TimeSpan? spread)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        var times = new double[places.Count];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < places.Count; i += workers)
            {
                await TurnAsync(clock, i, places.Count, spread);
                var started = Stopwatch.GetTimestamp();
                await using var c = await source.OpenConnectionAsync();
                await using var update = new NpgsqlCommand(
                    """UPDATE "ActivityParticipants" SET "SignedInAt" = now(), "SignInMethod" = 1, "Version" = "Version" + 1 WHERE "Id" = @id AND "SignedInAt" IS NULL""", c);
                update.Parameters.AddWithValue("id", places[i].PlaceId);
                await update.ExecuteNonQueryAsync();
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        return new Run(clock.Elapsed, times);
    }

    /// <summary>A published plenary running now, with <paramref name="count"/> new members of the city all invited.</summary>
    private static async Task<Plenary> PlenaryAsync(WebApplication app, Guid cityId, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        var db = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        db.AuditEntityChanges = false;
        var now = DateTime.UtcNow;
        var activity = new Activity
        {
            CommitteeId = cityId,
            Type = ActivityType.Plenary,
            Title = "全体会议（基准测试）",
            Venue = "市会议中心",
            StartsAt = now.AddMinutes(-30),
            EndsAt = now.AddHours(4),
            HalfDays = 2,
            Organizer = "市政协办公室",
            Status = ActivityStatus.Published,
            SignInSecret = SignInCode.NewSecret(),
            CreatedAt = now,
        };
        db.Activities.Add(activity);
        var places = new List<(Guid, Guid)>();
        for (var i = 0; i < count; i++)
        {
            var member = new Member
            {
                CommitteeId = cityId,
                Name = $"基准委员{i}",
                Party = "无党派人士",
                BirthYear = 1970,
                DutyCode = "B" + Guid.NewGuid().ToString("N")[..12],
            };
            var place = new ActivityParticipant { CommitteeId = cityId, ActivityId = activity.Id, MemberId = member.Id, Invited = true };
            db.AddRange(member, place);
            places.Add((place.Id, member.Id));
        }

        await db.SaveChangesAsync();
        return new Plenary(activity.Id, activity.SignInSecret, places);
    }

    private static async Task<Guid> CityAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        return await scope.ServiceProvider.GetRequiredService<TongxinDbContext>().Committees
            .Where(c => c.Name == Tongxin.Platform.Seeding.DemoSeeder.CityCommitteeName).Select(c => c.Id).SingleAsync();
    }

    private static async Task<long> SignedInAsync(string connection, Guid activityId)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var query = new NpgsqlCommand("""SELECT count(*) FROM "ActivityParticipants" WHERE "ActivityId" = @a AND "SignedInAt" IS NOT NULL""", c);
        query.Parameters.AddWithValue("a", activityId);
        return (long)(await query.ExecuteScalarAsync())!;
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

    /// <summary>The app's services on the fresh database with the demo data.</summary>
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
                });
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
            });
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        await scope.ServiceProvider.GetRequiredService<TongxinDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<Tongxin.Platform.Seeding.DemoSeeder>().SeedAsync(Tongxin.Platform.Seeding.SeedScale.Demo);
        return app;
    }
}
