using System.Net;
using System.Text.RegularExpressions;
using PleoUxGuard.FakePleo.Tests.Support;

namespace PleoUxGuard.FakePleo.Tests;

/// <summary>The install simulator: permissions and Allow, then the key shown once with Copy and "Go to &lt;app&gt;".</summary>
public sealed partial class InstallSimulatorTests
{
    [Fact]
    public async Task The_consent_page_lists_the_requested_permissions_and_an_Allow_button()
    {
        await using var server = await FakePleoServer.StartAsync(new FakePleoOptions { ApplicationName = "Ledger <Sync>", RequestedScopes = ["users:read", "accounts:read"] });
        using var client = PleoClient.For(server);

        var html = await client.GetStringAsync("install");

        Assert.Contains("Install Ledger &lt;Sync&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<code>users:read</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>accounts:read</code>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"allow\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/install/allow\"", html, StringComparison.Ordinal);
        Assert.Empty(server.Keys.All);
    }

    [Fact]
    public async Task Allow_mints_a_working_key_shown_once_with_Copy_and_Go_to_the_integration()
    {
        var integration = new Uri("http://localhost:5123/connect");
        await using var server = await FakePleoServer.StartAsync(new FakePleoOptions { ApplicationName = "Ledger Sync", IntegrationUrl = integration });
        using var client = PleoClient.For(server);

        using var response = await client.PostAsync("install/allow", new FormUrlEncodedContent([]));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var key = Assert.Single(server.Keys.All);
        Assert.Equal(KeyBehaviour.Valid, key.Behaviour);
        Assert.Equal(key.Value, KeyField().Match(html).Groups["key"].Value);
        Assert.Contains("id=\"copy-key\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{integration.AbsoluteUri}\">Go to Ledger Sync</a>", html, StringComparison.Ordinal);
        using var introspect = await PleoClient.GetAsync(client, "v1/introspect", key);
        Assert.Equal(HttpStatusCode.OK, introspect.StatusCode);

        var allow = await server.Journal.WaitForAsync(entry => entry.Path == "/install/allow", Waits.State);
        Assert.Equal(key.Id, allow.KeyId);
        SecretAssert.JournalHoldsNoKey(server);
        var consentAgain = await client.GetStringAsync("install");
        Assert.DoesNotContain(key.Value, consentAgain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_chosen_on_the_consent_page_is_the_installed_key_s_company()
    {
        await using var server = await FakePleoServer.StartAsync();
        using var client = PleoClient.For(server);
        var companyId = Guid.NewGuid();

        var consent = await client.GetStringAsync($"install?companyId={companyId}");
        using var response = await client.PostAsync("install/allow", new FormUrlEncodedContent([new("companyId", companyId.ToString())]));

        Assert.Contains($"value=\"{companyId}\"", consent, StringComparison.Ordinal);
        Assert.Equal(companyId, Assert.Single(server.Keys.All).CompanyId);
    }

    [Fact]
    public async Task Without_an_integration_url_the_Go_to_button_is_disabled_and_says_why()
    {
        await using var server = await FakePleoServer.StartAsync();
        using var client = PleoClient.For(server);

        using var response = await client.PostAsync("install/allow", new FormUrlEncodedContent([]));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("id=\"go-to-integration\" disabled", html, StringComparison.Ordinal);
        Assert.Contains("No integration URL was configured", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"api-key\"[^>]*value=\"(?<key>[^\"]+)\"")]
    private static partial Regex KeyField();
}
