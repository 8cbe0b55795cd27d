using System.Text;
using System.Text.Json;

namespace PleoUxGuard.FakePleo.Tests.Support;

/// <summary>The control API as an out-of-process kit would call it.</summary>
public sealed class ControlClient(FakePleoServer server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.BaseUrl };

    public async Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, string? json = null, string? token = "")
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Control-Token", token.Length == 0 ? server.ControlToken : token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, string? json = null)
    {
        var (status, body) = await SendAsync(method, path, json);
        Assert.True(status is 200 or 201, $"{method} {path} answered {status}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public async Task<MintedKey> MintAsync(string json)
    {
        var minted = await JsonAsync(HttpMethod.Post, "_control/keys", json);
        return server.Keys.Find(minted.GetProperty("id").GetString()!)!;
    }

    public void Dispose() => _http.Dispose();
}
