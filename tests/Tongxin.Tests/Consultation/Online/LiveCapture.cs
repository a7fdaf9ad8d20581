using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Tongxin.Modules.Consultation.Online;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Consultation.Online;

/// <summary>A real SignalR client of <c>/hubs/discussion</c> on the in-memory server (long polling
/// through the test server's handler), signed in with a bearer token or using the public token.</summary>
public sealed class LiveCapture : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly List<LiveComment> received;
    private readonly SemaphoreSlim arrived = new(0);

    private LiveCapture(HubConnection connection, List<LiveComment> received)
    {
        this.connection = connection;
        this.received = received;
        connection.On<LiveComment>(DiscussionHub.CommentMethod, c =>
        {
            lock (received)
            {
                received.Add(c);
            }

            arrived.Release();
        });
    }

    /// <summary>Connects as the world's member and joins its discussion.</summary>
    public static async Task<LiveCapture> StartAsync(OnlineWorld w, List<LiveComment> into)
    {
        var capture = Connect(w.App, await BearerAsync(w.App, w.Member.UserName), into);
        await capture.StartAndJoinAsync(w.DiscussionId, null);
        return capture;
    }

    /// <summary>A connection (not started) with an optional bearer token.</summary>
    public static LiveCapture Connect(TestApp app, string? bearer, List<LiveComment> into)
    {
        var server = app.App.GetTestServer();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, DiscussionHub.Path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (bearer is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(bearer);
                }
            })
            .Build();
        return new LiveCapture(connection, into);
    }

    public async Task StartAndJoinAsync(Guid discussionId, string? token)
    {
        if (connection.State == HubConnectionState.Disconnected)
        {
            await connection.StartAsync();
        }

        await connection.InvokeAsync("Join", discussionId, token);
    }

    /// <summary>Waits (up to 10 s) until the comment arrived; fails otherwise.</summary>
    public async Task WaitForAsync(Guid commentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            lock (received)
            {
                if (received.Any(c => c.Id == commentId))
                {
                    return;
                }
            }

            var left = deadline - DateTime.UtcNow;
            left.ShouldBeGreaterThan(TimeSpan.Zero, $"评论 {commentId} 未推送到实时连接");
            await arrived.WaitAsync(left);
        }
    }

    public static async Task<string> BearerAsync(TestApp app, string userName)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = TestData.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        arrived.Dispose();
    }
}
