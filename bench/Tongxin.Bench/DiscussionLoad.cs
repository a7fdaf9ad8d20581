using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Tongxin.Modules.Consultation;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Bench;

/// <summary>网络议政 on PostgreSQL (<c>dotnet run -c Release --project bench/Tongxin.Bench --
/// discussion [--viewers N] [--posts N]</c>, needs TONGXIN_BENCH_PG).
/// <para>1. First page of a discussion with 10,000 comments (7,000 roots, 3,000 replies; COPY-loaded)
/// against one with 10, through the real query (new scope per call, as a request: keyset page of 20
/// roots + their replies in one query + the viewer's likes); baseline in the same run: a
/// primary-key lookup of one comment. Also a deep page (the 200th, by cursor).</para>
/// <para>2. Posting a comment through the real handler while N live viewers are connected to the
/// hub over WebSockets on a loopback Kestrel (the app in this process): the post's latency includes
/// the save, the counters and the broadcast to the group; the time until every viewer received it
/// is reported too.</para></summary>
public static class DiscussionLoad
{
    public const string DatabaseName = "tongxin_bench_discussion";

    private const string Prefix = "直播中的评论 ";

    public static async Task<int> RunAsync(string[] args)
    {
        if (Environment.GetEnvironmentVariable(BenchDatabase.PostgresVariable) is not { Length: > 0 } server)
        {
            Console.Error.WriteLine($"discussion needs {BenchDatabase.PostgresVariable} (a throwaway PostgreSQL server).");
            return 2;
        }

        var viewers = BenchArgs.Int(args, "--viewers", 2000);
        var posts = BenchArgs.Int(args, "--posts", 200);
        var connection = await FreshDatabaseAsync(server);
        await using var app = await OpenAsync(connection);
        var (member, big, small, token) = await PrepareAsync(app, connection);

        await ReadsAsync(app, member, big, small);
        await LiveAsync(app, member, big, token, viewers, posts);
        Console.WriteLine($"// load average: {(File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "n/a")}");
        await app.StopAsync();
        return 0;
    }

    private static async Task ReadsAsync(WebApplication app, Actor member, Guid big, Guid small)
    {
        const int runs = 300;
        var someId = await InScope(app, Actor.System, sp => sp.GetRequiredService<TongxinDbContext>().DiscussionComments
            .Where(c => c.DiscussionId == big).OrderBy(c => c.CreatedAt).Select(c => c.Id).Skip(5000).FirstAsync());
        var cursor200 = await DeepCursorAsync(app, member, big, 199);

        Task FirstPage(Guid id) => InScope(app, member, async sp =>
        {
            var access = sp.GetRequiredService<DiscussionAccess>();
            var page = await sp.GetRequiredService<DiscussionQuery>().PageAsync(await access.LoadForReaderAsync(id), CommentSort.Newest, null, 1, access.SignedIn());
            return page.Roots.Count;
        });
        Task PkLookup() => InScope(app, member, sp => sp.GetRequiredService<TongxinDbContext>().DiscussionComments.AsNoTracking().Where(c => c.Id == someId).Select(c => c.Content).FirstAsync());
        Task DeepPage() => InScope(app, member, async sp =>
        {
            var access = sp.GetRequiredService<DiscussionAccess>();
            return (await sp.GetRequiredService<DiscussionQuery>().PageAsync(await access.LoadForReaderAsync(big), CommentSort.Newest, cursor200, 1, access.SignedIn())).Roots.Count;
        });
        Task Liked() => InScope(app, member, async sp =>
        {
            var access = sp.GetRequiredService<DiscussionAccess>();
            return (await sp.GetRequiredService<DiscussionQuery>().PageAsync(await access.LoadForReaderAsync(big), CommentSort.MostLiked, null, 1, access.SignedIn())).Roots.Count;
        });

        // Warm-up: model, plans, pool.
        for (var i = 0; i < 30; i++)
        {
            await PkLookup();
            await FirstPage(big);
            await FirstPage(small);
            await DeepPage();
            await Liked();
        }

        // Interleaved so that load spikes on the shared machine hit every series alike.
        var series = new (string Name, Func<Task> Run, List<double> Ms)[]
        {
            ("baseline: comment by primary key", PkLookup, []),
            ("first page, 10 comments", () => FirstPage(small), []),
            ("first page, 10,000 comments", () => FirstPage(big), []),
            ("200th page by cursor, 10,000 comments", DeepPage, []),
            ("most liked first page, 10,000 comments", Liked, []),
        };
        for (var i = 0; i < runs; i++)
        {
            foreach (var (_, run, ms) in series)
            {
                var clock = Stopwatch.StartNew();
                await run();
                ms.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"Reads ({runs} runs each, new scope per call):");
        foreach (var (name, _, ms) in series)
        {
            Console.WriteLine($"  {name,-42} p50 {P(ms, 50),7:F2} ms  p95 {P(ms, 95),7:F2} ms  p99 {P(ms, 99),7:F2} ms");
        }
    }

    private static async Task LiveAsync(WebApplication app, Actor member, Guid discussionId, string token, int viewers, int posts)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var hubUrl = new Uri(new Uri(address), DiscussionHub.Path);
        var connections = new List<HubConnection>();
        var received = new int[posts + 50];
        var lastArrival = new long[posts + 50];
        var started = Stopwatch.StartNew();
        var failed = 0;
        foreach (var batch in Enumerable.Range(0, viewers).Chunk(50))
        {
            await Task.WhenAll(batch.Select(async _ =>
            {
                var c = new HubConnectionBuilder()
                    .WithUrl(hubUrl, o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                    })
                    .Build();
                c.On<LiveComment>(DiscussionHub.CommentMethod, comment =>
                {
                    // The posts are numbered in their text ("直播中的评论 {n}").
                    if (int.TryParse(comment.Content.AsSpan(Prefix.Length), out var n) && n < received.Length)
                    {
                        Interlocked.Increment(ref received[n]);
                        Interlocked.Exchange(ref lastArrival[n], Stopwatch.GetTimestamp());
                    }
                });
                try
                {
                    await c.StartAsync();
                    await c.InvokeAsync("Join", discussionId, token);
                    lock (connections)
                    {
                        connections.Add(c);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or System.Net.WebSockets.WebSocketException or TimeoutException or InvalidOperationException or Microsoft.AspNetCore.SignalR.HubException)
                {
                    Interlocked.Increment(ref failed);
                    await c.DisposeAsync();
                }
            }));
        }

        Console.WriteLine($"Live: {connections.Count} viewers connected over WebSockets in {started.Elapsed.TotalSeconds:F1} s ({failed} failed)");

        var postMs = new List<double>();
        var deliveryMs = new List<double>();
        for (var i = 0; i < posts + 20; i++)
        {
            var n = i;
            var begin = Stopwatch.GetTimestamp();
            var posted = await InScope(app, member, async sp =>
            {
                var access = sp.GetRequiredService<DiscussionAccess>();
                var d = await access.LoadForWriterAsync(discussionId);
                return await sp.GetRequiredService<DiscussionComments>().PostAsync(d, access.SignedIn(), null, Prefix + n, null);
            });
            var postElapsed = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
            if (posted.Status != CommentStatus.Visible)
            {
                throw new InvalidOperationException("基准评论未直接发布。");
            }
            if (i >= 20)
            {
                postMs.Add(postElapsed);
            }

            // Wait (bounded) until every viewer has it, before the next post.
            var waitUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
            while (Volatile.Read(ref received[n]) < connections.Count && Stopwatch.GetTimestamp() < waitUntil)
            {
                await Task.Delay(1);
            }

            if (i >= 20 && Volatile.Read(ref received[n]) >= connections.Count)
            {
                deliveryMs.Add(Stopwatch.GetElapsedTime(begin, Volatile.Read(ref lastArrival[n])).TotalMilliseconds);
            }
        }

        Console.WriteLine($"  post a comment (handler: save + counters, fan-out started), {postMs.Count} posts: p50 {P(postMs, 50):F2} ms  p95 {P(postMs, 95):F2} ms  p99 {P(postMs, 99):F2} ms");
        Console.WriteLine($"  post until the last viewer received it ({deliveryMs.Count} of {postMs.Count} fully delivered within 5 s): p50 {P(deliveryMs, 50):F2} ms  p99 {P(deliveryMs, 99):F2} ms");
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
    }

    private static async Task<string> DeepCursorAsync(WebApplication app, Actor member, Guid id, int pages)
    {
        string? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            cursor = await InScope(app, member, async sp =>
            {
                var access = sp.GetRequiredService<DiscussionAccess>();
                return (await sp.GetRequiredService<DiscussionQuery>().PageAsync(await access.LoadForReaderAsync(id), CommentSort.Newest, cursor, 1, access.SignedIn())).NextCursor;
            });
        }

        return cursor!;
    }

    /// <summary>Two discussions in 示例市政协 (public participation on): 10,000 comments and 10.</summary>
    private static async Task<(Actor Member, Guid Big, Guid Small, string Token)> PrepareAsync(WebApplication app, string connection)
    {
        var (committeeId, userId) = await InScope(app, Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var c = await db.Committees.Where(x => x.Name == DemoSeeder.CityCommitteeName).Select(x => x.Id).FirstAsync();
            var u = await db.Users.Where(x => x.UserName == "demo.member").Select(x => x.Id).FirstAsync();
            return (c, u);
        });
        var member = new Actor(userId, "demo.member", committeeId, [Roles.Member], [], [committeeId], "127.0.0.1");
        var big = await NewDiscussionAsync(app, committeeId, "一万条评论的网络议政");
        var small = await NewDiscussionAsync(app, committeeId, "十条评论的网络议政");
        var clock = Stopwatch.StartNew();
        await CopyCommentsAsync(connection, committeeId, big.Id, roots: 7000, replies: 3000);
        await CopyCommentsAsync(connection, committeeId, small.Id, roots: 7, replies: 3);
        Console.WriteLine($"Seeded 10,010 comments by COPY in {clock.Elapsed.TotalSeconds:F1} s");
        return (member, big.Id, small.Id, big.Token);
    }

    private static Task<Discussion> NewDiscussionAsync(WebApplication app, Guid committeeId, string title) =>
        InScope(app, Actor.System, async sp =>
        {
            var db = sp.GetRequiredService<TongxinDbContext>();
            var d = new Discussion
            {
                CommitteeId = committeeId,
                Title = title,
                PublicParticipation = true,
                Token = DiscussionAdmin.NewToken(),
                Status = DiscussionStatus.Live,
                CreatedAt = DateTime.UtcNow.AddDays(-2),
            };
            db.Discussions.Add(d);
            await db.SaveChangesAsync();
            return d;
        });

    private static async Task CopyCommentsAsync(string connection, Guid committeeId, Guid discussionId, int roots, int replies)
    {
        var start = DateTime.UtcNow.AddDays(-1);
        var rootIds = new Guid[roots];
        var replyCounts = new int[roots];
        var random = new Random(7);
        var rows = new List<(Guid Id, Guid? Parent, Guid Root, int Depth, DateTime At, int Likes)>();
        for (var i = 0; i < roots; i++)
        {
            rootIds[i] = Guid.CreateVersion7();
            // Pairs of roots share a timestamp, as bursts during a live session do (the keyset's tie-break by Id).
            rows.Add((rootIds[i], null, rootIds[i], 1, start.AddSeconds(i / 2 * 10), random.Next(0, 50)));
        }

        for (var i = 0; i < replies; i++)
        {
            var r = random.Next(roots);
            replyCounts[r]++;
            rows.Add((Guid.CreateVersion7(), rootIds[r], rootIds[r], 2, rows[r].At.AddSeconds(30 + i % 600), random.Next(0, 10)));
        }

        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using (var copy = await c.BeginBinaryImportAsync(
            "COPY \"DiscussionComments\" (\"Id\", \"CommitteeId\", \"Version\", \"DiscussionId\", \"ParentId\", \"RootId\", \"Depth\", \"AuthorUserId\", \"AuthorName\", \"IsPublic\", "
            + "\"ClientHash\", \"Content\", \"Status\", \"MatchedWords\", \"LikeCount\", \"ReplyCount\", \"ReportCount\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)"))
        {
            var rootIndex = rootIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            foreach (var (row, n) in rows.Select((row, n) => (row, n)))
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(committeeId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(discussionId, NpgsqlDbType.Uuid);
                if (row.Parent is { } p)
                {
                    await copy.WriteAsync(p, NpgsqlDbType.Uuid);
                }
                else
                {
                    await copy.WriteNullAsync();
                }

                await copy.WriteAsync(row.Root, NpgsqlDbType.Uuid);
                await copy.WriteAsync(row.Depth, NpgsqlDbType.Integer);
                await copy.WriteNullAsync();
                await copy.WriteAsync($"网友{n % 997}", NpgsqlDbType.Varchar);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync($"bench-client-{n % 997}", NpgsqlDbType.Varchar);
                await copy.WriteAsync($"第{n}条评论：关于老旧小区加装电梯的资金分担、审批流程和后期维护，我的看法是要分类施策、公开透明。", NpgsqlDbType.Text);
                await copy.WriteAsync((int)CommentStatus.Visible, NpgsqlDbType.Integer);
                await copy.WriteNullAsync();
                await copy.WriteAsync(row.Likes, NpgsqlDbType.Integer);
                await copy.WriteAsync(row.Parent is null ? replyCounts[rootIndex[row.Id]] : 0, NpgsqlDbType.Integer);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(row.At, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using var count = new NpgsqlCommand("UPDATE \"Discussions\" SET \"CommentCount\" = @n WHERE \"Id\" = @id; ANALYZE \"DiscussionComments\";", c);
        count.Parameters.AddWithValue("n", roots + replies);
        count.Parameters.AddWithValue("id", discussionId);
        await count.ExecuteNonQueryAsync();
    }

    private static async Task<T> InScope<T>(WebApplication app, Actor actor, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = actor;
        return await work(scope.ServiceProvider);
    }

    private static double P(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
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

    /// <summary>The whole app on a loopback Kestrel port (the hub needs a real server for WebSockets), migrated and demo-seeded.</summary>
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
                builder.WebHost.UseUrls("http://127.0.0.1:0");
            });
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
            await scope.ServiceProvider.GetRequiredService<TongxinDbContext>().Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(SeedScale.Demo);
        }

        await app.StartAsync();
        return app;
    }
}
