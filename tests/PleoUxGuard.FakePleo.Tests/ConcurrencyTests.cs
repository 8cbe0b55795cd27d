using System.Net;
using PleoUxGuard.FakePleo.Tests.Support;

namespace PleoUxGuard.FakePleo.Tests;

/// <summary>Many parallel validations with mixed keys: each key gets its own answers, and the journal counts match.</summary>
public sealed class ConcurrencyTests
{
    private const int RequestsPerKey = 40;

    [Fact]
    public async Task Parallel_validations_with_mixed_keys_each_get_their_own_answer_and_are_each_journaled()
    {
        await using var server = await FakePleoServer.StartAsync();
        using var client = PleoClient.For(server);
        var revoked = server.Keys.MintValid();
        server.Keys.Revoke(revoked);
        var valid = Enumerable.Range(0, 5).Select(_ => server.Keys.MintValid()).ToArray();
        var expected = new Dictionary<MintedKey, HttpStatusCode>
        {
            [server.Keys.MintUnknown()] = HttpStatusCode.Unauthorized,
            [server.Keys.MintMissingScope()] = HttpStatusCode.Forbidden,
            [server.Keys.MintExpired()] = HttpStatusCode.Unauthorized,
            [server.Keys.MintRateLimited(TimeSpan.FromSeconds(9))] = HttpStatusCode.TooManyRequests,
            [revoked] = HttpStatusCode.Unauthorized,
        };
        foreach (var key in valid)
        {
            expected[key] = HttpStatusCode.OK;
        }

        const int failures = 7;
        var failing = server.Keys.MintFailing(failures);
        var requests = expected.Keys.Append(failing)
            .SelectMany(key => Enumerable.Repeat(key, RequestsPerKey))
            .OrderBy(_ => Random.Shared.Next())
            .ToArray();

        var answers = await Task.WhenAll(requests.Select(async key =>
        {
            using var response = await PleoClient.GetAsync(client, "v1/introspect", key);
            var body = await PleoClient.JsonAsync(response);
            var company = response.StatusCode == HttpStatusCode.OK
                ? body.GetProperty("data").GetProperty("subjectURN").GetString()
                : null;
            return (Key: key, response.StatusCode, Company: company);
        }));

        foreach (var (key, status, company) in answers.Where(answer => answer.Key != failing))
        {
            Assert.Equal(expected[key], status);
            if (status == HttpStatusCode.OK)
            {
                Assert.Equal($"urn:pleo:company:{key.CompanyId}", company);
            }
        }

        var failingStatuses = answers.Where(answer => answer.Key == failing).Select(answer => answer.StatusCode).ToArray();
        Assert.Equal(failures, failingStatuses.Count(status => status == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(RequestsPerKey - failures, failingStatuses.Count(status => status == HttpStatusCode.OK));

        Assert.Equal(requests.Length, server.Journal.All.Count);
        foreach (var key in expected.Keys.Append(failing))
        {
            var entries = server.Journal.For(key);
            Assert.Equal(RequestsPerKey, entries.Count);
            Assert.All(entries, entry => Assert.Equal(key.Fingerprint, entry.KeyFingerprint));
        }

        Assert.Equal(failures, server.Journal.For(failing).Count(entry => entry.StatusCode == 503));
        SecretAssert.JournalHoldsNoKey(server);
    }

    [Fact]
    public async Task Parallel_held_requests_of_a_slow_key_are_all_released_by_one_release()
    {
        await using var server = await FakePleoServer.StartAsync();
        using var client = PleoClient.For(server);
        var slow = server.Keys.MintSlow();
        var other = server.Keys.MintValid();

        var held = Enumerable.Range(0, 20).Select(_ => PleoClient.GetAsync(client, "v1/introspect", slow)).ToArray();
        await server.Keys.WaitUntilHeldAsync(slow, held.Length, Waits.State);
        using var meanwhile = await PleoClient.GetAsync(client, "v1/introspect", other);
        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        Assert.All(held, request => Assert.False(request.IsCompleted));

        server.Keys.ReleaseSlow(slow);
        var responses = await Task.WhenAll(held).WaitAsync(Waits.State);

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(held.Length, server.Journal.For(slow).Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
