using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Tongxin.Tests.Infrastructure;

/// <summary>A tiny SMTP server on 127.0.0.1 that accepts every mail and keeps it, so email tests
/// go through the real protocol instead of a mock sender.</summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;
    private readonly Channel<Mail> received = Channel.CreateUnbounded<Mail>();
    private int count;

    public SmtpSink()
    {
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public sealed record Mail(string From, IReadOnlyList<string> To, string Data)
    {
        /// <summary>The Subject header with RFC 2047 encoded words decoded.</summary>
        public string Subject => DecodeWords(Header("Subject"));

        /// <summary>The body, decoded from base64 when it was sent that way.</summary>
        public string Body
        {
            get
            {
                var split = Data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                var body = Data[(split + 4)..];
                return Header("Content-Transfer-Encoding").Equals("base64", StringComparison.OrdinalIgnoreCase)
                    ? Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))))
                    : body;
            }
        }

        private string Header(string name)
        {
            var headers = Data[..Data.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
            var unfolded = UnfoldPattern().Replace(headers, " ");
            var line = unfolded.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
            return line is null ? "" : line[(name.Length + 1)..].Trim();
        }

        private static string DecodeWords(string value)
        {
            var words = EncodedWordPattern().Matches(value);
            return words.Count == 0
                ? value
                : string.Concat(words.Select(w => Encoding.GetEncoding(w.Groups[1].Value).GetString(Convert.FromBase64String(w.Groups[2].Value))));
        }
    }

    /// <summary>The next mail to arrive (waits for the protocol exchange, not for a clock).</summary>
    public Task<Mail> NextAsync() => received.Reader.ReadAsync().AsTask();

    /// <summary>How many mails have arrived so far.</summary>
    public int Count => Volatile.Read(ref count);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink.test ESMTP");
        string from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 sink.test");
                    break;
                case "MAIL":
                    from = Address(line);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..") ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    Interlocked.Increment(ref count);
                    received.Writer.TryWrite(new Mail(from, [.. to], data.ToString()));
                    to = [];
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>');
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await acceptLoop;
        stop.Dispose();
    }

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex UnfoldPattern();

    [GeneratedRegex(@"=\?([^?]+)\?[Bb]\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();
}
