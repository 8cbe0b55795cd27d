using System.Net;
using PleoUxGuard.FakePleo.Tests.Support;

namespace PleoUxGuard.FakePleo.Tests;

/// <summary>Each key behaviour, as an integration sees it over HTTP.</summary>
public sealed class KeyBehaviourTests : RunningFakePleo
{



    [Theory]
    [InlineData("v1/introspect")]
    [InlineData("v1/installations/me")]
    [InlineData("v1/companies")]
    public async Task A_key_missing_a_scope_is_answered_403_missing_scope_naming_the_scope(string path)
    {
        var key = Server.Keys.MintMissingScope();

        using var response = await PleoClient.GetAsync(Client, path, key);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = await PleoClient.JsonAsync(response);
        Assert.Equal("missing_scope", error.GetProperty("code").GetString());
        Assert.Contains(Server.Options.RequestedScopes[0], error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Options.RequestedScopes[0], key.Scopes);
    }

    [Fact]
    public async Task A_valid_key_minted_without_a_requested_scope_is_answered_403()
    {
        var key = Server.Keys.MintValid(scopes: Server.Options.RequestedScopes.Skip(1));

        using var response = await PleoClient.GetAsync(Client, "v1/introspect", key);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_key_is_answered_401_api_key_expired()
    {
        var key = Server.Keys.MintExpired();

        using var response = await PleoClient.GetAsync(Client, "v1/introspect", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("api_key_expired", await PleoClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task A_revoked_key_works_until_revoked_and_is_answered_401_api_key_revoked_from_then_on()
    {
        var key = Server.Keys.MintValid();
        using var before = await PleoClient.GetAsync(Client, "v1/introspect", key);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        Server.Keys.Revoke(key);

        foreach (var path in new[] { "v1/introspect", "v1/installations/me", "v1/companies" })
        {
            using var after = await PleoClient.GetAsync(Client, path, key);
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
            Assert.Equal("api_key_revoked", await PleoClient.ErrorCodeAsync(after));
        }

        Assert.True(Server.Keys.IsRevoked(key));
    }

    [Fact]
    public async Task A_key_whose_scope_is_withdrawn_is_answered_403_until_the_scope_is_restored()
    {
        var key = Server.Keys.MintValid();
        var other = Server.Keys.MintRotation(key);

        Server.Keys.WithdrawScope(key);

        foreach (var path in new[] { "v1/introspect", "v1/installations/me", "v1/companies" })
        {
            using var withdrawn = await PleoClient.GetAsync(Client, path, key);
            Assert.Equal(HttpStatusCode.Forbidden, withdrawn.StatusCode);
            Assert.Equal("missing_scope", await PleoClient.ErrorCodeAsync(withdrawn));
        }

        using (var untouched = await PleoClient.GetAsync(Client, "v1/introspect", other))
        {
            Assert.Equal(HttpStatusCode.OK, untouched.StatusCode);
        }

        Server.Keys.RestoreScopes(key);

        using var restored = await PleoClient.GetAsync(Client, "v1/introspect", key);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_failing_key_is_answered_503_exactly_its_failures_then_200(int failures)
    {
        var key = Server.Keys.MintFailing(failures);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < failures + 2; i++)
        {
            using var response = await PleoClient.GetAsync(Client, "v1/introspect", key);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal("service_unavailable", await PleoClient.ErrorCodeAsync(response));
            }
        }

        Assert.Equal(
            Enumerable.Repeat(HttpStatusCode.ServiceUnavailable, failures).Concat([HttpStatusCode.OK, HttpStatusCode.OK]),
            statuses);
    }

    [Fact]
    public async Task A_rate_limited_key_is_answered_429_with_Retry_After_until_the_limit_ends()
    {
        var key = Server.Keys.MintRateLimited(TimeSpan.FromSeconds(30));

        using var limited = await PleoClient.GetAsync(Client, "v1/introspect", key);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limited", await PleoClient.ErrorCodeAsync(limited));
        Assert.Equal(TimeSpan.FromSeconds(30), limited.Headers.RetryAfter?.Delta);

        using var stillLimited = await PleoClient.GetAsync(Client, "v1/companies", key);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);

        Server.Keys.EndRateLimit(key);
        using var after = await PleoClient.GetAsync(Client, "v1/introspect", key);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_fractional_Retry_After_is_rounded_up_to_whole_seconds()
    {
        var key = Server.Keys.MintRateLimited(TimeSpan.FromMilliseconds(1500));

        using var limited = await PleoClient.GetAsync(Client, "v1/introspect", key);

        Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task An_outage_answers_every_call_503_whatever_the_key_until_it_ends()
    {
        var key = Server.Keys.MintValid();

        Server.Keys.SetOutage(true);
        using var during = await PleoClient.GetAsync(Client, "v1/introspect", key);
        using var duringCompanies = await PleoClient.GetAsync(Client, "v1/companies", key);
        Server.Keys.SetOutage(false);
        using var after = await PleoClient.GetAsync(Client, "v1/introspect", key);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("service_unavailable", await PleoClient.ErrorCodeAsync(during));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, duringCompanies.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_slow_key_holds_its_request_until_the_test_releases_the_gate_then_answers_200()
    {
        var key = Server.Keys.MintSlow();

        var pending = PleoClient.GetAsync(Client, "v1/introspect", key);
        await Server.Keys.WaitUntilHeldAsync(key, 1, Waits.State);
        Assert.False(pending.IsCompleted, "the request must be held while the gate is closed");
        Assert.Empty(Server.Journal.For(key));

        Server.Keys.ReleaseSlow(key);
        using var response = await pending.WaitAsync(Waits.State);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Server.Keys.HeldRequests(key));
        using var later = await PleoClient.GetAsync(Client, "v1/introspect", key);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Releasing_one_slow_key_leaves_another_slow_key_held()
    {
        var first = Server.Keys.MintSlow();
        var second = Server.Keys.MintSlow();
        var firstPending = PleoClient.GetAsync(Client, "v1/introspect", first);
        var secondPending = PleoClient.GetAsync(Client, "v1/introspect", second);
        await Server.Keys.WaitUntilHeldAsync(first, 1, Waits.State);
        await Server.Keys.WaitUntilHeldAsync(second, 1, Waits.State);

        Server.Keys.ReleaseSlow(first);
        using var firstResponse = await firstPending.WaitAsync(Waits.State);

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.False(secondPending.IsCompleted);
        Assert.Equal(1, Server.Keys.HeldRequests(second));
        Server.Keys.ReleaseSlow(second);
        using var secondResponse = await secondPending.WaitAsync(Waits.State);
        Assert.Equal(HttpStatusCode.OK, secondResponse.StatusCode);
    }

    [Fact]
    public async Task A_timing_out_key_never_answers_and_is_journaled_as_aborted_when_theClient_gives_up()
    {
        var key = Server.Keys.MintTimingOut();
        using var giveUp = new CancellationTokenSource();

        var pending = PleoClient.GetAsync(Client, "v1/introspect", key, giveUp.Token);
        await Server.Keys.WaitUntilHeldAsync(key, 1, Waits.State);
        Assert.False(pending.IsCompleted);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        var entry = await Server.Journal.WaitForAsync(e => e.KeyId == key.Id, Waits.State);
        Assert.Equal(499, entry.StatusCode);
        Assert.Equal("request_aborted", entry.ErrorCode);
        Assert.Equal(0, Server.Keys.HeldRequests(key));
    }

    [Fact]
    public async Task Behaviours_check_revocation_before_holding_so_a_revoked_slow_key_answers_at_once()
    {
        var key = Server.Keys.MintSlow();
        Server.Keys.Revoke(key);

        using var response = await PleoClient.GetAsync(Client, "v1/introspect", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("api_key_revoked", await PleoClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Steering_a_key_this_fake_never_minted_is_refused_with_a_clear_exception()
    {
        await using var other = await FakePleoServer.StartAsync();
        var foreign = other.Keys.MintValid();

        var problem = Assert.Throws<ArgumentException>(() => Server.Keys.Revoke(foreign));

        Assert.Contains(foreign.Fingerprint, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.Value, problem.Message, StringComparison.Ordinal);
    }
}
