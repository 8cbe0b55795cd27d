using System.Net;
using PleoUxGuard.FakePleo.Tests.Support;

namespace PleoUxGuard.FakePleo.Tests;

/// <summary>The journal records every API request per key, by fingerprint, and can be waited on.</summary>
public sealed class JournalTests : RunningFakePleo
{



    [Fact]
    public async Task Each_request_is_journaled_with_method_path_key_location_and_result()
    {
        var valid = Server.Keys.MintValid();
        var expired = Server.Keys.MintExpired();
        var before = DateTimeOffset.UtcNow;

        using (await PleoClient.SendAsync(Client, HttpMethod.Post, "v1/installations/me:activate", valid))
        using (await PleoClient.GetAsync(Client, "v1/introspect", expired))
        using (await Client.GetAsync("v1/companies"))
        {
        }

        var entries = Server.Journal.All;
        Assert.Equal(3, entries.Count);
        Assert.Equal(new JournalEntry(entries[0].Time, "POST", "/v1/installations/me:activate", valid.Id, valid.Fingerprint, KeyLocation.AuthorizationHeader, 200, null, false), entries[0]);
        Assert.Equal(new JournalEntry(entries[1].Time, "GET", "/v1/introspect", expired.Id, expired.Fingerprint, KeyLocation.AuthorizationHeader, 401, "api_key_expired", false), entries[1]);
        Assert.Equal(new JournalEntry(entries[2].Time, "GET", "/v1/companies", null, null, KeyLocation.None, 401, "api_key_invalid", false), entries[2]);
        Assert.All(entries, entry => Assert.InRange(entry.Time, before, DateTimeOffset.UtcNow));
        SecretAssert.JournalHoldsNoKey(Server);
    }

    [Fact]
    public async Task No_part_of_the_answer_leaves_before_the_request_is_journaled()
    {
        var key = Server.Keys.MintValid();
        using var journaling = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();

        // A waiter's predicate runs inside the journal's Add: holding it there holds the request between being
        // journaled and being answered. An answer written before the journal would arrive meanwhile.
        var seen = Server.Journal.WaitForAsync(
            entry =>
            {
                journaling.Release();
                return release.Wait(Waits.State);
            },
            Waits.State);
        var answer = PleoClient.GetAsync(Client, "v1/introspect", key);
        Assert.True(await journaling.WaitAsync(Waits.State), "the request never reached the journal");

        var first = await Task.WhenAny(answer, Task.Delay(TimeSpan.FromMilliseconds(500)));
        release.Set();

        Assert.NotSame(answer, first);
        using var response = await answer;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(key.Id, (await seen).KeyId);
    }

    [Fact]
    public async Task For_returns_only_that_key_s_entries()
    {
        var first = Server.Keys.MintValid();
        var second = Server.Keys.MintValid();

        using (await PleoClient.GetAsync(Client, "v1/introspect", first))
        using (await PleoClient.GetAsync(Client, "v1/introspect", second))
        using (await PleoClient.GetAsync(Client, "v1/companies", first))
        {
        }

        Assert.Equal(["/v1/introspect", "/v1/companies"], Server.Journal.For(first).Select(entry => entry.Path));
        Assert.Single(Server.Journal.For(second));
    }

    [Fact]
    public async Task A_key_the_fake_never_minted_is_journaled_by_its_last_four_only()
    {
        var secret = string.Concat(Enumerable.Repeat(Guid.NewGuid().ToString("N"), 2));

        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "v1/introspect") { Headers = { Authorization = PleoClient.Basic(secret) } });

        var entry = Assert.Single(Server.Journal.All);
        Assert.Null(entry.KeyId);
        Assert.Equal($"••••{secret[^4..]} (unregistered)", entry.KeyFingerprint);
        Assert.DoesNotContain(secret, entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_unregistered_secret_is_not_fingerprinted_since_four_characters_would_be_most_of_it()
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "v1/introspect") { Headers = { Authorization = PleoClient.Basic("abc12") } });

        var entry = Assert.Single(Server.Journal.All);
        Assert.Null(entry.KeyFingerprint);
        Assert.Equal(KeyLocation.AuthorizationHeader, entry.KeyLocation);
    }

    [Fact]
    public async Task WaitForAsync_completes_when_a_matching_entry_arrives_later()
    {
        var key = Server.Keys.MintValid();

        var waiting = Server.Journal.WaitForAsync(entry => entry.KeyId == key.Id, Waits.State);
        Assert.False(waiting.IsCompleted);
        using var response = await PleoClient.GetAsync(Client, "v1/companies", key);
        var entry = await waiting;

        Assert.Equal("/v1/companies", entry.Path);
    }

    [Fact]
    public async Task WaitForAsync_returns_an_entry_already_journaled()
    {
        var key = Server.Keys.MintValid();
        using var response = await PleoClient.GetAsync(Client, "v1/introspect", key);

        var entry = await Server.Journal.WaitForAsync(e => e.KeyId == key.Id, TimeSpan.Zero);

        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)entry.StatusCode);
    }

    [Fact]
    public async Task WaitForAsync_times_out_with_a_clear_exception_when_nothing_matches()
    {
        var problem = await Assert.ThrowsAsync<TimeoutException>(() => Server.Journal.WaitForAsync(_ => false, TimeSpan.FromMilliseconds(50)));

        Assert.Contains("No journal entry matched", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_faulty_predicate_fails_its_wait_but_not_the_request()
    {
        var key = Server.Keys.MintValid();
        var waiting = Server.Journal.WaitForAsync(_ => throw new InvalidOperationException("bad predicate"), Waits.State);

        using var response = await PleoClient.GetAsync(Client, "v1/introspect", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => waiting);
        Assert.Single(Server.Journal.All);
    }
}
