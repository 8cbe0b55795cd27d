using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PleoUxGuard.FakePleo.Tests.Support;

/// <summary>
/// Sends exact request bytes over a socket, for the malformed requests HttpClient refuses to send
/// (non-ASCII header bytes, duplicate or empty Authorization headers).
/// </summary>
internal static class RawHttp
{
    public sealed record Response(int StatusCode, string Head, string Body)
    {
        public JsonElement Json()
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    public static Task<Response> GetAsync(FakePleoServer server, string path, params byte[][] headerLines) =>
        SendAsync(server, "GET", path, headerLines);

    public static async Task<Response> SendAsync(FakePleoServer server, string method, string path, params byte[][] headerLines)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", server.BaseUrl.Port, timeout.Token);
        var stream = client.GetStream();
        var request = new MemoryStream();
        request.Write(Encoding.ASCII.GetBytes($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"));
        foreach (var line in headerLines)
        {
            request.Write(line);
            request.Write("\r\n"u8);
        }

        request.Write("\r\n"u8);
        await stream.WriteAsync(request.ToArray(), timeout.Token);
        var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        var text = Encoding.UTF8.GetString(received.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? string.Empty : text[(split + 4)..];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return new Response(status, head, body);
    }

    public static byte[] Header(string name, string value) => Encoding.ASCII.GetBytes($"{name}: {value}");

    public static byte[] Header(string name, byte[] value) => [.. Encoding.ASCII.GetBytes($"{name}: "), .. value];
}
