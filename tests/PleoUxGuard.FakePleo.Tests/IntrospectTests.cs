using System.Net;
using PleoUxGuard.FakePleo.Tests.Support;

namespace PleoUxGuard.FakePleo.Tests;

public sealed class IntrospectTests
{
    [Fact]
    public async Task A_valid_key_is_introspected_with_its_company_scopes_and_the_application_name()
    {
        await using var server = await FakePleoServer.StartAsync(new FakePleoOptions { ApplicationName = "Ledger Sync" });
        var key = server.Keys.MintValid();
        using var client = PleoClient.For(server);

        using var response = await PleoClient.GetAsync(client, "v1/introspect", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json;charset=UTF-8", response.Content.Headers.NonValidated["Content-Type"].ToString());
        var data = (await PleoClient.JsonAsync(response)).GetProperty("data");
        Assert.Equal("API_KEY", data.GetProperty("authMethod").GetString());
        Assert.Equal("Ledger Sync", data.GetProperty("applicationName").GetString());
        Assert.Equal($"urn:pleo:company:{key.CompanyId}", data.GetProperty("subjectURN").GetString());
        Assert.Equal(string.Join(' ', server.Options.RequestedScopes), data.GetProperty("scope").GetString());
        Assert.False(string.IsNullOrEmpty(data.GetProperty("clientId").GetString()));
    }

    [Fact]
    public async Task An_unknown_key_is_answered_401_api_key_invalid()
    {
        await using var server = await FakePleoServer.StartAsync();
        var key = server.Keys.MintUnknown();
        using var client = PleoClient.For(server);

        using var response = await PleoClient.GetAsync(client, "v1/introspect", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("api_key_invalid", await PleoClient.ErrorCodeAsync(response));
    }
}
