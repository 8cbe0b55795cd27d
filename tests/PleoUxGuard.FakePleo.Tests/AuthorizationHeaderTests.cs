using System.Net;
using System.Text;
using PleoUxGuard.FakePleo.Tests.Support;

namespace PleoUxGuard.FakePleo.Tests;

/// <summary>Malformed Authorization headers: a clear JSON 401, never a 500, and nothing changes.</summary>
public sealed class AuthorizationHeaderTests : RunningFakePleo
{
    private MintedKey _key = null!;

    public static TheoryData<string, string> MalformedHeaders => new()
    {
        { "empty", "Authorization: " },
        { "blank", "Authorization:    " },
        { "scheme only", "Authorization: Basic" },
        { "bad base64", "Authorization: Basic !!!not-base64!!!" },
        { "truncated base64", "Authorization: Basic YWJj" + "Z" },
        { "no colon", "Authorization: Basic " + Base64("{key}") },
        { "no key before the colon", "Authorization: Basic " + Base64(":") },
        { "a password", "Authorization: Basic " + Base64("{key}:secret") },
        { "wrong scheme", "Authorization: Bearer {key}" },
        { "wrong scheme with base64", "Authorization: Digest " + Base64("{key}:") },
        { "16 KB long", "Authorization: Basic " + new string('A', 16 * 1024) },
        { "two headers", "Authorization: Basic " + Base64("{key}:") + "\r\nAuthorization: Basic " + Base64("{key}:") },
    };

    protected override void Arrange() => _key = Server.Keys.MintFailing(1);

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public async Task A_malformed_header_is_answered_401_api_key_invalid_with_a_message_saying_how_to_send_the_key(string because, string header)
    {
        var response = await RawHttp.GetAsync(Server, "/v1/introspect", Encoding.ASCII.GetBytes(WithKey(header)));

        await AssertClearRejection(response, because);
    }

    [Fact]
    public async Task Non_UTF8_credentials_inside_valid_base64_are_answered_401()
    {
        var credentials = Convert.ToBase64String([0xFF, 0xFE, 0xC3, 0x28, (byte)':']);

        var response = await RawHttp.GetAsync(Server, "/v1/introspect", RawHttp.Header("Authorization", "Basic " + credentials));

        await AssertClearRejection(response, "non-UTF-8 credentials");
        Assert.Contains("UTF-8", response.Json().GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_ASCII_bytes_in_the_header_itself_are_answered_401_not_a_bare_400()
    {
        var response = await RawHttp.GetAsync(Server, "/v1/introspect", RawHttp.Header("Authorization", [.. "Basic "u8, 0xE9, 0xFF, 0xC3, 0x28]));

        await AssertClearRejection(response, "non-ASCII header bytes");
    }

    [Fact]
    public async Task No_header_at_all_is_answered_401_saying_no_key_was_sent()
    {
        var response = await RawHttp.GetAsync(Server, "/v1/introspect");

        await AssertClearRejection(response, "no header");
        Assert.Contains("No API key", response.Json().GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_well_formed_header_is_accepted_so_the_rejections_above_are_about_form()
    {
        var valid = Server.Keys.MintValid();

        var response = await RawHttp.GetAsync(Server, "/v1/introspect", RawHttp.Header("Authorization", "Basic " + Base64(valid.Value + ":")));
        using var viaClient = await PleoClient.GetAsync(Client, "v1/introspect", valid);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaClient.StatusCode);
    }

    [Fact]
    public async Task The_scheme_name_is_case_insensitive_as_HTTP_says()
    {
        var valid = Server.Keys.MintValid();

        var response = await RawHttp.GetAsync(Server, "/v1/introspect", RawHttp.Header("Authorization", "basic " + Base64(valid.Value + ":")));

        Assert.Equal(200, response.StatusCode);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private string WithKey(string header) =>
        header.Replace("{key}", _key.Value, StringComparison.Ordinal)
            .Replace(Base64("{key}"), Base64(_key.Value), StringComparison.Ordinal)
            .Replace(Base64("{key}:"), Base64(_key.Value + ":"), StringComparison.Ordinal)
            .Replace(Base64("{key}:secret"), Base64(_key.Value + ":secret"), StringComparison.Ordinal);

    /// <summary>401 with Pleo's JSON error, the key never echoed, one journal entry, and the failing key's one failure still unspent.</summary>
    private async Task AssertClearRejection(RawHttp.Response response, string because)
    {
        Assert.True(response.StatusCode == 401, $"{because}: expected 401, got {response.StatusCode}");
        Assert.Contains("Content-Type: application/json;charset=UTF-8", response.Head, StringComparison.Ordinal);
        var error = response.Json();
        Assert.Equal("api_key_invalid", error.GetProperty("code").GetString());
        Assert.Equal("unauthorized", error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        SecretAssert.HoldsNoKey(Server, response.Body);
        SecretAssert.JournalHoldsNoKey(Server);
        var entry = Assert.Single(Server.Journal.All);
        Assert.Equal(401, entry.StatusCode);
        Assert.False(entry.Violation);

        using var unspent = await PleoClient.GetAsync(Client, "v1/introspect", _key);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unspent.StatusCode);
    }
}
