using System.Net;
using System.Text.Json;
using PleoUxGuard.FakePleo.Tests.Support;

namespace PleoUxGuard.FakePleo.Tests;

/// <summary>The control API steers the fake out of process; only with the control token, and bad requests change nothing.</summary>
public sealed class ControlApiTests : RunningFakePleo
{



    [Theory]
    [InlineData("""{"behaviour":"valid"}""", HttpStatusCode.OK, null)]
    [InlineData("""{"behaviour":"unknown"}""", HttpStatusCode.Unauthorized, "api_key_invalid")]
    [InlineData("""{"behaviour":"missingScope"}""", HttpStatusCode.Forbidden, "missing_scope")]
    [InlineData("""{"behaviour":"missing-scope"}""", HttpStatusCode.Forbidden, "missing_scope")]
    [InlineData("""{"behaviour":"expired"}""", HttpStatusCode.Unauthorized, "api_key_expired")]
    [InlineData("""{"behaviour":"failing","failures":1}""", HttpStatusCode.ServiceUnavailable, "service_unavailable")]
    [InlineData("""{"behaviour":"rateLimited","retryAfterSeconds":7}""", HttpStatusCode.TooManyRequests, "rate_limited")]
    [InlineData("""{"behaviour":"valid","scopes":["users:read"]}""", HttpStatusCode.Forbidden, "missing_scope")]
    public async Task A_key_minted_through_the_control_API_behaves_as_asked(string json, HttpStatusCode expected, string? code)
    {
        var minted = await Control.JsonAsync(HttpMethod.Post, "_control/keys", json);
        var value = minted.GetProperty("value").GetString()!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/introspect") { Headers = { Authorization = PleoClient.Basic(value) } };
        using var response = await Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (code is not null)
        {
            Assert.Equal(code, await PleoClient.ErrorCodeAsync(response));
        }

        var key = Server.Keys.Find(minted.GetProperty("id").GetString()!)!;
        Assert.Equal(value, key.Value);
        Assert.Equal(key.Fingerprint, minted.GetProperty("fingerprint").GetString());
    }

    [Fact]
    public async Task A_company_id_given_to_the_control_API_is_the_key_s_company()
    {
        var companyId = Guid.NewGuid();

        var key = await Control.MintAsync($$"""{"behaviour":"valid","companyId":"{{companyId}}"}""");

        Assert.Equal(companyId, key.CompanyId);
    }

    [Fact]
    public async Task Rotate_revoke_release_end_rate_limit_and_scope_actions_steer_the_named_key()
    {
        var current = await Control.MintAsync("""{"behaviour":"valid"}""");
        var rotated = await Control.JsonAsync(HttpMethod.Post, $"_control/keys/{current.Id}/rotate");
        Assert.Equal(current.CompanyId, rotated.GetProperty("companyId").GetGuid());

        var revoked = await Control.JsonAsync(HttpMethod.Post, $"_control/keys/{current.Id}/revoke");
        Assert.True(revoked.GetProperty("revoked").GetBoolean());
        Assert.True(Server.Keys.IsRevoked(current));
        Assert.False(Server.Keys.IsRevoked(Server.Keys.Find(rotated.GetProperty("id").GetString()!)!));

        var slow = await Control.MintAsync("""{"behaviour":"slow"}""");
        var pending = PleoClient.GetAsync(Client, "v1/introspect", slow);
        await Server.Keys.WaitUntilHeldAsync(slow, 1, Waits.State);
        Assert.Equal(1, (await Control.JsonAsync(HttpMethod.Get, $"_control/keys/{slow.Id}")).GetProperty("heldRequests").GetInt32());
        await Control.JsonAsync(HttpMethod.Post, $"_control/keys/{slow.Id}/release");
        using (var released = await pending.WaitAsync(Waits.State))
        {
            Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        }

        var narrowed = await Control.JsonAsync(HttpMethod.Post, $"_control/keys/{slow.Id}/withdraw-scope");
        Assert.True(narrowed.GetProperty("scopeWithdrawn").GetBoolean());
        using (var forbidden = await PleoClient.GetAsync(Client, "v1/introspect", slow))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        var widened = await Control.JsonAsync(HttpMethod.Post, $"_control/keys/{slow.Id}/restore-scopes");
        Assert.False(widened.GetProperty("scopeWithdrawn").GetBoolean());
        using (var allowed = await PleoClient.GetAsync(Client, "v1/introspect", slow))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var limited = await Control.MintAsync("""{"behaviour":"rateLimited","retryAfterSeconds":5}""");
        await Control.JsonAsync(HttpMethod.Post, $"_control/keys/{limited.Id}/end-rate-limit");
        using var afterLimit = await PleoClient.GetAsync(Client, "v1/introspect", limited);
        Assert.Equal(HttpStatusCode.OK, afterLimit.StatusCode);
    }

    [Fact]
    public async Task The_outage_switch_turns_every_call_into_503_and_back()
    {
        var key = Server.Keys.MintValid();

        var on = await Control.JsonAsync(HttpMethod.Post, "_control/outage", """{"on":true}""");
        using var during = await PleoClient.GetAsync(Client, "v1/introspect", key);
        var state = await Control.JsonAsync(HttpMethod.Get, "_control/outage");
        await Control.JsonAsync(HttpMethod.Post, "_control/outage", """{"on":false}""");
        using var after = await PleoClient.GetAsync(Client, "v1/introspect", key);

        Assert.True(on.GetProperty("on").GetBoolean());
        Assert.True(state.GetProperty("on").GetBoolean());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.False(Server.Keys.Outage);
    }

    [Fact]
    public async Task The_journal_reads_per_key_and_clears()
    {
        var first = Server.Keys.MintValid();
        var second = Server.Keys.MintExpired();
        using (await PleoClient.GetAsync(Client, "v1/introspect", first))
        using (await PleoClient.GetAsync(Client, "v1/companies", first))
        using (await PleoClient.GetAsync(Client, "v1/introspect", second))
        {
        }

        var all = await Control.JsonAsync(HttpMethod.Get, "_control/journal");
        var forFirst = await Control.JsonAsync(HttpMethod.Get, $"_control/journal?keyId={first.Id}");
        var entry = forFirst.GetProperty("entries")[1];

        Assert.Equal(3, all.GetProperty("entries").GetArrayLength());
        Assert.Equal(2, forFirst.GetProperty("entries").GetArrayLength());
        Assert.Equal("/v1/companies", entry.GetProperty("path").GetString());
        Assert.Equal(first.Fingerprint, entry.GetProperty("keyFingerprint").GetString());
        Assert.Equal("authorizationHeader", entry.GetProperty("keyLocation").GetString());
        Assert.Equal(200, entry.GetProperty("statusCode").GetInt32());
        Assert.False(entry.GetProperty("violation").GetBoolean());

        await Control.JsonAsync(HttpMethod.Delete, "_control/journal");
        Assert.Empty(Server.Journal.All);
    }

    [Fact]
    public async Task No_control_answer_shows_a_key_s_value_except_the_one_that_minted_it()
    {
        var minted = await Control.JsonAsync(HttpMethod.Post, "_control/keys", """{"behaviour":"valid"}""");
        var id = minted.GetProperty("id").GetString()!;
        var key = Server.Keys.Find(id)!;
        Assert.Equal(key.Value, minted.GetProperty("value").GetString());
        using (await PleoClient.GetAsync(Client, $"v1/introspect?api_key={key.Value}", key))
        using (await PleoClient.GetAsync(Client, "v1/introspect", key))
        {
        }

        var answers = new List<string>
        {
            (await Control.SendAsync(HttpMethod.Get, "_control/keys")).Body,
            (await Control.SendAsync(HttpMethod.Get, $"_control/keys/{id}")).Body,
            (await Control.SendAsync(HttpMethod.Get, "_control/journal")).Body,
            (await Control.SendAsync(HttpMethod.Get, $"_control/journal?keyId={id}")).Body,
            (await Control.SendAsync(HttpMethod.Post, $"_control/keys/{id}/release")).Body,
            (await Control.SendAsync(HttpMethod.Post, $"_control/keys/{id}/revoke")).Body,
            (await Control.SendAsync(HttpMethod.Post, $"_control/keys/{key.Value}/revoke")).Body,
        };

        Assert.All(answers, answer => SecretAssert.HoldsNoKey(Server, answer));
        Assert.Contains(key.Fingerprint, answers[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData(" ")]
    public async Task Without_the_control_token_nothing_is_steered(string? token)
    {
        var key = Server.Keys.MintValid();
        var before = Server.Keys.All.Count;

        var attempts = new[]
        {
            await Control.SendAsync(HttpMethod.Post, "_control/keys", """{"behaviour":"valid"}""", token),
            await Control.SendAsync(HttpMethod.Post, $"_control/keys/{key.Id}/revoke", token: token),
            await Control.SendAsync(HttpMethod.Post, "_control/outage", """{"on":true}""", token),
            await Control.SendAsync(HttpMethod.Get, "_control/journal", token: token),
            await Control.SendAsync(HttpMethod.Get, "_control/keys", token: token),
        };

        Assert.All(attempts, attempt =>
        {
            Assert.Equal(401, attempt.Status);
            Assert.Equal("control_token_invalid", JsonDocument.Parse(attempt.Body).RootElement.GetProperty("code").GetString());
        });
        Assert.Equal(before, Server.Keys.All.Count);
        Assert.False(Server.Keys.IsRevoked(key));
        Assert.False(Server.Keys.Outage);
    }

    [Fact]
    public async Task An_api_key_is_not_a_control_token()
    {
        var key = Server.Keys.MintValid();

        var attempt = await Control.SendAsync(HttpMethod.Post, "_control/outage", """{"on":true}""", key.Value);

        Assert.Equal(401, attempt.Status);
        Assert.False(Server.Keys.Outage);
    }

    [Theory]
    [InlineData("POST", "_control/keys", "{not json", 400)]
    [InlineData("POST", "_control/keys", "", 400)]
    [InlineData("POST", "_control/keys", "[1,2]", 400)]
    [InlineData("POST", "_control/keys", "\"valid\"", 400)]
    [InlineData("POST", "_control/keys", "{}", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":"sleepy"}""", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":3}""", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":"3"}""", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":"failing"}""", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":"failing","failures":-1}""", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":"failing","failures":"two"}""", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":"rateLimited"}""", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":"rateLimited","retryAfterSeconds":1.5}""", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":"valid","companyId":"not-a-guid"}""", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":"valid","companyId":42}""", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":"valid","scopes":"users:read"}""", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":"valid","scopes":[1]}""", 400)]
    [InlineData("POST", "_control/keys", """{"behaviour":"slow","scopes":["users:read"]}""", 400)]
    [InlineData("POST", "_control/outage", """{"on":"yes"}""", 400)]
    [InlineData("POST", "_control/outage", "{}", 400)]
    [InlineData("POST", "_control/outage", "{\"on\":tru", 400)]
    [InlineData("POST", "_control/keys/k999/revoke", null, 404)]
    [InlineData("POST", "_control/keys/k1/explode", null, 404)]
    [InlineData("GET", "_control/keys/k999", null, 404)]
    [InlineData("GET", "_control/journal?keyId=k999", null, 404)]
    [InlineData("GET", "_control/nothing", null, 404)]
    [InlineData("GET", "_control", null, 404)]
    [InlineData("GET", "_control/keys/k1/revoke", null, 405)]
    [InlineData("DELETE", "_control/keys", null, 405)]
    [InlineData("PUT", "_control/outage", "{\"on\":true}", 405)]
    [InlineData("POST", "_control/journal", null, 405)]
    public async Task A_malformed_control_request_gets_a_clear_json_error_and_changes_nothing(string method, string path, string? json, int expected)
    {
        Server.Keys.MintValid();
        var keysBefore = Server.Keys.All.Count;

        var (status, body) = await Control.SendAsync(new HttpMethod(method), path, json);

        Assert.Equal(expected, status);
        var error = JsonDocument.Parse(body).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()));
        Assert.Equal(keysBefore, Server.Keys.All.Count);
        Assert.False(Server.Keys.Outage);
        Assert.False(Server.Keys.IsRevoked(Server.Keys.Find("k1")!));
    }

    [Fact]
    public async Task A_control_body_over_the_limit_is_refused_unread()
    {
        var (status, body) = await Control.SendAsync(HttpMethod.Post, "_control/keys", "{\"behaviour\":\"valid\",\"pad\":\"" + new string('x', 70_000) + "\"}");

        Assert.Equal(413, status);
        Assert.Equal("payload_too_large", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.Empty(Server.Keys.All);
    }

    [Fact]
    public async Task Control_requests_are_not_journaled_as_api_traffic()
    {
        await Control.JsonAsync(HttpMethod.Post, "_control/keys", """{"behaviour":"valid"}""");
        await Control.JsonAsync(HttpMethod.Get, "_control/keys");

        Assert.Empty(Server.Journal.All);
    }
}
