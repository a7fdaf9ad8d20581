using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Bench;

/// <summary>Which database a benchmark runs on. PostgreSQL needs TONGXIN_BENCH_PG, a connection
/// string to a throwaway server (without a database name: the benchmark creates its own).</summary>
public enum BenchDb
{
    Sqlite,
    PostgreSql,
}

/// <summary>The app's services over a province-scale database (100 committees, 30,000 members).
/// Seeding takes 10–30 s, so the database is kept between runs and between BenchmarkDotNet's
/// processes: a SQLite file in the temp directory, a PostgreSQL database named tongxin_bench.</summary>
public static class BenchDatabase
{
    public const string PostgresVariable = "TONGXIN_BENCH_PG";

    public static IEnumerable<BenchDb> Available() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 }
            ? [BenchDb.Sqlite, BenchDb.PostgreSql]
            : [BenchDb.Sqlite];

    /// <summary>Builds the app (not started: no server, only its services), migrates and seeds if needed.</summary>
    /// <param name="db">The provider.</param>
    /// <param name="name">The database (PostgreSQL) or file name (SQLite).</param>
    /// <param name="scale">What an empty database is seeded with.</param>
    /// <param name="settings">More configuration (e.g. an index folder of the benchmark's own).</param>
    public static async Task<WebApplication> OpenAsync(
        BenchDb db, string name = "tongxin_bench", SeedScale scale = SeedScale.Province, IDictionary<string, string?>? settings = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Tongxin:Database:Provider"] = db == BenchDb.PostgreSql ? "PostgreSQL" : "Sqlite",
            ["Tongxin:Database:ConnectionString"] = db == BenchDb.PostgreSql
                ? await EnsurePostgresDatabaseAsync(name)
                : $"Data Source={Path.Combine(Path.GetTempPath(), name == "tongxin_bench" ? "tongxin-bench-province.db" : name + ".db")}",
        };
        var app = TongxinApp.Build(
            new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(config);
                if (settings is not null)
                {
                    builder.Configuration.AddInMemoryCollection(settings);
                }

                builder.Logging.SetMinimumLevel(LogLevel.Warning);
            });

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        var data = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        await data.Database.MigrateAsync();
        if (!await data.Committees.AnyAsync())
        {
            var report = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(scale);
            Console.WriteLine($"// seeded {db} {scale} scale: {report.Members} members in {report.Elapsed.TotalSeconds:F1} s");
        }

        return app;
    }

    private static async Task<string> EnsurePostgresDatabaseAsync(string name)
    {
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable));
        await using (var connection = new Npgsql.NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new Npgsql.NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", connection);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        admin.Database = name;
        return admin.ConnectionString;
    }
}
