using Tongxin.Platform.Events;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Tests.Infrastructure;

public enum Db
{
    Sqlite,
    PostgreSql,
}

/// <summary>Every data test runs once per database: <c>[Theory, ClassData(typeof(Databases))]</c>.</summary>
public sealed class Databases : TheoryData<Db>
{
    public Databases()
    {
        Add(Db.Sqlite);
        Add(Db.PostgreSql);
    }
}

/// <summary>The whole product in memory (TestServer) on a fresh database of either provider,
/// migrated and seeded with the demo data, with a controllable clock.
/// <see cref="SharedAsync"/> gives one app per provider for the run: tests isolate themselves by
/// creating their own committee (<see cref="TestData"/>), so they may run in parallel.
/// Tests that move the clock take an <see cref="CreateIsolatedAsync"/> app of their own.</summary>
public sealed class TestApp : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 09:00 Beijing time: a working day in a plenary season.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static readonly ConcurrentDictionary<Db, Lazy<Task<TestApp>>> Shared = new();
    private readonly string dataDirectory;
    private readonly string? postgresDatabase;

    private TestApp(Db db, WebApplication app, FakeTimeProvider clock, string dataDirectory, string? postgresDatabase)
    {
        Database = db;
        App = app;
        Clock = clock;
        this.dataDirectory = dataDirectory;
        this.postgresDatabase = postgresDatabase;
    }

    public Db Database { get; }
    public WebApplication App { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => App.Services;

    public static Task<TestApp> SharedAsync(Db db) =>
        Shared.GetOrAdd(db, d => new Lazy<Task<TestApp>>(() => CreateIsolatedAsync(d))).Value;

    public static async Task<TestApp> CreateIsolatedAsync(Db db, DateTimeOffset? now = null, IDictionary<string, string?>? settings = null, bool useKestrel = false, Action<IServiceCollection>? services = null)
    {
        var clock = new FakeTimeProvider(now ?? DefaultNow);
        var dataDirectory = Directory.CreateTempSubdirectory("tongxin-test-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["Tongxin:DemoMode"] = "true",
            ["Tongxin:Proposals:RunReminders"] = "false",
            ["Tongxin:Supervision:RunReminders"] = "false",
            ["Tongxin:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            // The clock never moves in the shared app and every request comes from one address:
            // the public intake's time and rate rules are tested with isolated apps of their own.
            ["Tongxin:Public:MinFillSeconds"] = "0",
            ["Tongxin:Public:SubmitPerMinute"] = "100000",
            ["Tongxin:Public:LookupPerMinute"] = "100000",
            ["Tongxin:Public:SupportPerMinute"] = "100000",
            ["Tongxin:Public:CodeLookupsPerMinute"] = "100000",
        };
        string? pgDatabase = null;
        if (db == Db.PostgreSql)
        {
            pgDatabase = $"tx_{Guid.NewGuid():N}"[..20];
            config["Tongxin:Database:Provider"] = "PostgreSQL";
            config["Tongxin:Database:ConnectionString"] = await CreatePostgresDatabaseAsync(pgDatabase);
        }
        else
        {
            config["Tongxin:Database:Provider"] = "Sqlite";
            config["Tongxin:Database:ConnectionString"] = $"Data Source={Path.Combine(dataDirectory, "tongxin.db")}";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = TongxinApp.Build(
            new WebApplicationOptions { ContentRootPath = WebProjectDirectory(), EnvironmentName = "Testing" },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(config);
                builder.Services.AddSingleton<TimeProvider>(clock);
                services?.Invoke(builder.Services);
                if (useKestrel)
                {
                    builder.WebHost.UseUrls("http://127.0.0.1:0");
                }
                else
                {
                    builder.WebHost.UseTestServer();
                }
            });
        await TongxinApp.InitializeAsync(app.Services);
        await app.StartAsync();
        return new TestApp(db, app, clock, dataDirectory, pgDatabase);
    }

    /// <summary>A scope acting as <paramref name="actor"/>: resolve handlers from it.</summary>
    public AsyncServiceScope As(Actor actor)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = actor;
        return scope;
    }

    public async Task<T> AsAsync<T>(Actor actor, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = As(actor);
        return await work(scope.ServiceProvider);
    }

    public async Task AsAsync(Actor actor, Func<IServiceProvider, Task> work)
    {
        await using var scope = As(actor);
        await work(scope.ServiceProvider);
    }

    /// <summary>Delivers every stored event now. A handler can fail for a reason outside the test
    /// (on SQLite, a write lost to a parallel test's commit); its backoff would never pass on the
    /// frozen clock, so a failed message is retried at once, for a few passes.</summary>
    public async Task DeliverEventsAsync()
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        for (var pass = 0; pass < 3; pass++)
        {
            dispatcher.RetryFailedNow();
            if (await dispatcher.DispatchPendingAsync(CancellationToken.None) == 0)
            {
                return;
            }
        }
    }

    public HttpClient CreateClient() => App.GetTestClient();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresAdminConnectionString());
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by SQLite's pool is left to the OS temp cleaner.
        }
    }

    private static string PostgresAdminConnectionString() =>
        Environment.GetEnvironmentVariable("TONGXIN_TEST_PG")
        ?? throw new InvalidOperationException(
            "PostgreSQL tests need TONGXIN_TEST_PG (a connection string to a throwaway server). Run ./test.sh, which starts one.");

    private static async Task<string> CreatePostgresDatabaseAsync(string name)
    {
        var adminConnection = PostgresAdminConnectionString();
        await using (var admin = new NpgsqlConnection(adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(adminConnection) { Database = name }.ConnectionString;
    }

    private static string WebProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Tongxin.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/Tongxin.Web not found above the test binaries.");
    }
}
