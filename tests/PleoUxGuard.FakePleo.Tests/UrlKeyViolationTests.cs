using System.Net;
using PleoUxGuard.FakePleo.Tests.Support;

namespace PleoUxGuard.FakePleo.Tests;

/// <summary>A key in a URL is answered 401 and journaled as a violation, with the key replaced by its fingerprint.</summary>
public sealed class UrlKeyViolationTests : RunningFakePleo
{



    [Theory]
    [InlineData("v1/introspect?api_key={key}")]
    [InlineData("v1/introspect?company_id=1&key={key}&x=y")]
    [InlineData("v1/companies/{key}")]
    [InlineData("v1/{key}/introspect")]
    [InlineData("v1/introspect?token=prefix_{key}")]
    [InlineData("nowhere/{key}")]
    public async Task A_minted_key_anywhere_in_the_url_is_a_journaled_violation_and_never_journaled_whole(string template)
    {
        var key = Server.Keys.MintValid();
        var path = template.Replace("{key}", key.Value, StringComparison.Ordinal);

        using var response = await PleoClient.GetAsync(Client, path, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("api_key_invalid", await PleoClient.ErrorCodeAsync(response));
        SecretAssert.HoldsNoKey(Server, await response.Content.ReadAsStringAsync());
        var entry = Assert.Single(Server.Journal.For(key));
        Assert.True(entry.Violation);
        Assert.Equal(KeyLocation.Url, entry.KeyLocation);
        Assert.Equal(key.Fingerprint, entry.KeyFingerprint);
        Assert.Contains(key.Fingerprint, entry.Path, StringComparison.Ordinal);
        Assert.Equal(401, entry.StatusCode);
        SecretAssert.JournalHoldsNoKey(Server);
    }

    [Fact]
    public async Task The_redacted_path_keeps_everything_but_the_key()
    {
        var key = Server.Keys.MintValid();

        using var response = await PleoClient.GetAsync(Client, $"v1/introspect?company_id=42&api_key={key.Value}", key);

        Assert.Equal($"/v1/introspect?company_id=42&api_key={key.Fingerprint}", Assert.Single(Server.Journal.All).Path);
    }

    [Fact]
    public async Task A_percent_encoded_key_in_the_query_is_still_found()
    {
        var key = Server.Keys.MintValid();
        var encoded = string.Concat(key.Value.Select(c => $"%{(int)c:X2}"));

        using var response = await HttpWithoutKeyAsync($"v1/introspect?api_key={encoded}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(Assert.Single(Server.Journal.For(key)).Violation);
        SecretAssert.JournalHoldsNoKey(Server);
    }

    [Fact]
    public async Task An_unknown_key_in_the_url_is_still_a_violation()
    {
        var key = Server.Keys.MintUnknown();

        using var response = await HttpWithoutKeyAsync($"v1/introspect?api_key={key.Value}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = Assert.Single(Server.Journal.For(key));
        Assert.True(entry.Violation);
        Assert.Equal(KeyLocation.Url, entry.KeyLocation);
        SecretAssert.JournalHoldsNoKey(Server);
    }

    [Fact]
    public async Task A_key_shaped_string_the_fake_never_minted_is_a_violation_named_by_its_last_four_only()
    {
        var secret = string.Concat(Enumerable.Repeat(Guid.NewGuid().ToString("N"), 2));

        using var response = await HttpWithoutKeyAsync($"v1/introspect?api_key={secret}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = Assert.Single(Server.Journal.All);
        Assert.True(entry.Violation);
        Assert.Null(entry.KeyId);
        Assert.Equal($"••••{secret[^4..]} (unregistered)", entry.KeyFingerprint);
        Assert.DoesNotContain(secret, entry.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_in_the_url_is_a_violation_even_while_a_valid_key_is_in_the_header()
    {
        var inHeader = Server.Keys.MintValid();
        var inUrl = Server.Keys.MintValid();

        using var response = await PleoClient.GetAsync(Client, $"v1/introspect?api_key={inUrl.Value}", inHeader);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = Assert.Single(Server.Journal.All);
        Assert.Equal(inUrl.Id, entry.KeyId);
        Assert.True(entry.Violation);
    }

    [Fact]
    public async Task Long_ordinary_urls_are_not_mistaken_for_keys()
    {
        var key = Server.Keys.MintValid();

        using var response = await PleoClient.GetAsync(Client, "v1/companies?after=" + new string('a', 63) + "&limit=10", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Assert.Single(Server.Journal.All).Violation);
    }

    private async Task<HttpResponseMessage> HttpWithoutKeyAsync(string path) => await Client.GetAsync(path);
}
