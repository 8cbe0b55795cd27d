using PleoUxGuard.FakePleo.Tests.Support;

namespace PleoUxGuard.FakePleo.Tests;

/// <summary>Unknown paths and methods get Pleo's JSON errors, journaled, never a 500.</summary>
public sealed class RoutingTests : RunningFakePleo
{

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/v1")]
    [InlineData("GET", "/v1/introspect/")]
    [InlineData("GET", "/v1/Introspect")]
    [InlineData("GET", "/v2/introspect")]
    [InlineData("GET", "/v1/installations/me:deactivate")]
    [InlineData("POST", "/v1/companies/123")]
    [InlineData("GET", "/install/nothing-here")]
    public async Task An_unknown_path_is_answered_404_not_found_listing_the_endpoints(string method, string path)
    {
        var key = Server.Keys.MintValid();

        var response = await RawHttp.SendAsync(Server, method, path, AuthorizationOf(key));

        Assert.Equal(404, response.StatusCode);
        var error = response.Json();
        Assert.Equal("not_found", error.GetProperty("code").GetString());
        Assert.Equal(path, Assert.Single(Server.Journal.All).Path);
    }

    [Theory]
    [InlineData("POST", "/v1/introspect", "GET")]
    [InlineData("DELETE", "/v1/introspect", "GET")]
    [InlineData("PUT", "/v1/installations/me", "GET")]
    [InlineData("GET", "/v1/installations/me:activate", "POST")]
    [InlineData("PATCH", "/v1/companies", "GET")]
    [InlineData("OPTIONS", "/v1/companies", "GET")]
    [InlineData("HEAD", "/v1/companies", "GET")]
    [InlineData("BREW", "/v1/companies", "GET")]
    [InlineData("POST", "/install", "GET")]
    [InlineData("GET", "/install/allow", "POST")]
    public async Task A_wrong_method_is_answered_405_with_Allow(string method, string path, string allowed)
    {
        var key = Server.Keys.MintValid();

        var response = await RawHttp.SendAsync(Server, method, path, AuthorizationOf(key));

        Assert.Equal(405, response.StatusCode);
        Assert.Contains($"Allow: {allowed}", response.Head, StringComparison.Ordinal);
        if (method != "HEAD")
        {
            Assert.Equal("method_not_allowed", response.Json().GetProperty("code").GetString());
        }

        Assert.Equal(405, Assert.Single(Server.Journal.All).StatusCode);
    }

    private static byte[] AuthorizationOf(MintedKey key) =>
        RawHttp.Header("Authorization", PleoClient.Basic(key).ToString());
}
