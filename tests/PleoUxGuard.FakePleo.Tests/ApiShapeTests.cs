using System.Net;
using System.Text.Json;
using PleoUxGuard.FakePleo.Tests.Support;

namespace PleoUxGuard.FakePleo.Tests;

/// <summary>Pleo's API slice answers with Pleo's shapes for a valid key.</summary>
public sealed class ApiShapeTests : RunningFakePleo
{



    [Theory]
    [InlineData("GET", "v1/introspect")]
    [InlineData("GET", "v1/installations/me")]
    [InlineData("POST", "v1/installations/me:activate")]
    [InlineData("GET", "v1/companies")]
    public async Task Every_endpoint_answers_a_valid_key_with_Pleo_json(string method, string path)
    {
        var key = Server.Keys.MintValid();

        using var response = await PleoClient.SendAsync(Client, new HttpMethod(method), path, key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json;charset=UTF-8", response.Content.Headers.NonValidated["Content-Type"].ToString());
        var body = await PleoClient.JsonAsync(response);
        Assert.True(body.TryGetProperty("data", out var data), "every success body wraps its payload in \"data\"");
        Assert.Contains(data.ValueKind, new[] { JsonValueKind.Object, JsonValueKind.Array });
    }

    [Fact]
    public async Task The_installation_names_the_key_s_company_and_activation_marks_it_activated()
    {
        var key = Server.Keys.MintValid();

        using var before = await PleoClient.GetAsync(Client, "v1/installations/me", key);
        var installation = (await PleoClient.JsonAsync(before)).GetProperty("data");
        Assert.Equal($"urn:pleo:company:{key.CompanyId}", installation.GetProperty("resource").GetString());
        Assert.Equal("AUTHORIZED", installation.GetProperty("status").GetString());
        Assert.True(Guid.TryParse(installation.GetProperty("id").GetString(), out _));
        Assert.True(Guid.TryParse(installation.GetProperty("applicationId").GetString(), out _));
        Assert.Equal(JsonValueKind.Object, installation.GetProperty("metadata").ValueKind);
        Assert.True(installation.GetProperty("createdAt").TryGetDateTimeOffset(out _));
        Assert.True(installation.GetProperty("updatedAt").TryGetDateTimeOffset(out _));

        using var activated = await PleoClient.SendAsync(Client, HttpMethod.Post, "v1/installations/me:activate", key);
        Assert.Equal("ACTIVATED", (await PleoClient.JsonAsync(activated)).GetProperty("data").GetProperty("status").GetString());

        using var after = await PleoClient.GetAsync(Client, "v1/installations/me", key);
        var afterData = (await PleoClient.JsonAsync(after)).GetProperty("data");
        Assert.Equal("ACTIVATED", afterData.GetProperty("status").GetString());
        Assert.Equal(installation.GetProperty("id").GetString(), afterData.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Activating_one_company_leaves_another_company_s_installation_alone()
    {
        var first = Server.Keys.MintValid();
        var second = Server.Keys.MintValid();

        using var activated = await PleoClient.SendAsync(Client, HttpMethod.Post, "v1/installations/me:activate", first);
        using var other = await PleoClient.GetAsync(Client, "v1/installations/me", second);

        Assert.Equal("AUTHORIZED", (await PleoClient.JsonAsync(other)).GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Companies_lists_the_key_s_company_with_pagination()
    {
        var companyId = Guid.NewGuid();
        var key = Server.Keys.MintValid(companyId);

        using var response = await PleoClient.GetAsync(Client, "v1/companies", key);

        var body = await PleoClient.JsonAsync(response);
        var company = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal(companyId, company.GetProperty("id").GetGuid());
        Assert.False(string.IsNullOrEmpty(company.GetProperty("name").GetString()));
        Assert.True(Guid.TryParse(company.GetProperty("organizationId").GetString(), out _));
        Assert.False(string.IsNullOrEmpty(company.GetProperty("registrationNumber").GetString()));
        Assert.Equal(JsonValueKind.Object, company.GetProperty("address").ValueKind);
        var pagination = body.GetProperty("pagination");
        Assert.False(pagination.GetProperty("hasNextPage").GetBoolean());
        Assert.False(pagination.GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(1, pagination.GetProperty("total").GetInt32());
        Assert.False(string.IsNullOrEmpty(pagination.GetProperty("startCursor").GetString()));
        Assert.False(string.IsNullOrEmpty(pagination.GetProperty("endCursor").GetString()));
    }

    [Fact]
    public async Task A_key_minted_with_scopes_is_introspected_with_exactly_those_scopes()
    {
        var scopes = Server.Options.RequestedScopes.Append("accounts:write").ToArray();
        var key = Server.Keys.MintValid(scopes: scopes);

        using var response = await PleoClient.GetAsync(Client, "v1/introspect", key);

        Assert.Equal(string.Join(' ', scopes), (await PleoClient.JsonAsync(response)).GetProperty("data").GetProperty("scope").GetString());
    }
}
