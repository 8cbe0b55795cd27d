using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PleoUxGuard.FakePleo.Tests.Support;

/// <summary>Plain HttpClient calls against a running fake, the way an integration would make them.</summary>
internal static class PleoClient
{
    public static HttpClient For(FakePleoServer server) => new() { BaseAddress = server.BaseUrl };

    public static AuthenticationHeaderValue Basic(MintedKey key) => Basic(key.Value);

    public static AuthenticationHeaderValue Basic(string key) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, MintedKey key, CancellationToken cancellationToken = default) =>
        SendAsync(client, HttpMethod.Get, path, key, cancellationToken);

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, MintedKey? key, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = Basic(key);
        }

        return await client.SendAsync(request, cancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<string> ErrorCodeAsync(HttpResponseMessage response) =>
        (await JsonAsync(response)).GetProperty("code").GetString()!;
}
