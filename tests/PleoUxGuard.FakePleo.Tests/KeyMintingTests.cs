using System.Net;
using System.Text.RegularExpressions;
using PleoUxGuard.FakePleo.Tests.Support;

namespace PleoUxGuard.FakePleo.Tests;

/// <summary>Keys are realistic, unique per run, never shown whole, and rotate per company.</summary>
public sealed partial class KeyMintingTests : RunningFakePleo
{



    [Fact]
    public void Every_mint_gives_a_new_64_character_key_of_the_key_alphabet_with_its_own_id()
    {
        var keys = new List<MintedKey>
        {
            Server.Keys.MintValid(), Server.Keys.MintUnknown(), Server.Keys.MintMissingScope(), Server.Keys.MintExpired(),
            Server.Keys.MintSlow(), Server.Keys.MintFailing(2), Server.Keys.MintTimingOut(), Server.Keys.MintRateLimited(TimeSpan.FromSeconds(1)),
        };
        keys.AddRange(Enumerable.Range(0, 200).Select(_ => Server.Keys.MintValid()));

        Assert.All(keys, key => Assert.Matches(KeyShape(), key.Value));
        Assert.Equal(keys.Count, keys.Select(key => key.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(keys.Count, keys.Select(key => key.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(keys.Count, keys.Select(key => key.CompanyId).Distinct().Count());
    }

    [Fact]
    public void No_key_holds_two_lowercase_letters_in_a_row_so_no_piece_of_one_is_a_piece_of_a_word()
    {
        // Reports mask every piece of four of a key: a key sharing a piece with a word garbled reports ("s••••us").
        var keys = Enumerable.Range(0, 300).Select(_ => Server.Keys.MintValid().Value).ToList();

        Assert.All(keys, key => Assert.DoesNotMatch("[a-z]{2}", key));
        // Nor four characters of a GUID in a row (hex digits of either case, dashes): no piece of a key is a piece of the
        // company id a page shows.
        Assert.All(keys, key => Assert.DoesNotMatch("[0-9a-fA-F-]{4}", key));
        Assert.Contains(keys, key => Regex.IsMatch(key, "[a-z]"));
    }

    [Fact]
    public void Each_mint_has_the_behaviour_it_was_asked_for()
    {
        Assert.Equal(KeyBehaviour.Valid, Server.Keys.MintValid().Behaviour);
        Assert.Equal(KeyBehaviour.Unknown, Server.Keys.MintUnknown().Behaviour);
        Assert.Equal(KeyBehaviour.MissingScope, Server.Keys.MintMissingScope().Behaviour);
        Assert.Equal(KeyBehaviour.Expired, Server.Keys.MintExpired().Behaviour);
        Assert.Equal(KeyBehaviour.Slow, Server.Keys.MintSlow().Behaviour);
        Assert.Equal(KeyBehaviour.Failing, Server.Keys.MintFailing(1).Behaviour);
        Assert.Equal(KeyBehaviour.TimingOut, Server.Keys.MintTimingOut().Behaviour);
        Assert.Equal(KeyBehaviour.RateLimited, Server.Keys.MintRateLimited(TimeSpan.FromSeconds(1)).Behaviour);
    }

    [Fact]
    public void A_key_shows_as_its_fingerprint_never_its_value()
    {
        var key = Server.Keys.MintValid();

        Assert.Equal(key.Value[^4..], key.LastFour);
        Assert.Equal($"••••{key.LastFour} ({key.Id})", key.Fingerprint);
        Assert.Equal(key.Fingerprint, key.ToString());
        Assert.Equal(key.Fingerprint, $"{key}");
        Assert.DoesNotContain(key.Value, key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_is_found_by_its_id_and_only_by_it()
    {
        var key = Server.Keys.MintValid();

        Assert.Same(key, Server.Keys.Find(key.Id));
        Assert.Null(Server.Keys.Find("k999999"));
        Assert.Null(Server.Keys.Find(key.Value));
    }

    [Fact]
    public void A_company_given_at_mint_is_the_key_s_company()
    {
        var companyId = Guid.NewGuid();

        Assert.Equal(companyId, Server.Keys.MintValid(companyId).CompanyId);
        Assert.Equal(companyId, Server.Keys.MintSlow(companyId).CompanyId);
    }

    [Fact]
    public async Task A_rotation_key_serves_the_same_company_and_the_old_key_can_be_revoked_on_its_own()
    {
        var current = Server.Keys.MintValid();
        var rotated = Server.Keys.MintRotation(current);

        Assert.Equal(current.CompanyId, rotated.CompanyId);
        Assert.Equal(current.Scopes, rotated.Scopes);
        Assert.NotEqual(current.Value, rotated.Value);
        Assert.NotEqual(current.Id, rotated.Id);
        Assert.Equal(await CompanyOfAsync(current), await CompanyOfAsync(rotated));

        Server.Keys.Revoke(current);

        using var old = await PleoClient.GetAsync(Client, "v1/introspect", current);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal("api_key_revoked", await PleoClient.ErrorCodeAsync(old));
        Assert.Equal(current.CompanyId, await CompanyOfAsync(rotated));
    }

    [Fact]
    public async Task Revoking_the_rotation_key_leaves_the_current_key_working()
    {
        var current = Server.Keys.MintValid();
        var rotated = Server.Keys.MintRotation(current);

        Server.Keys.Revoke(rotated);

        Assert.Equal(current.CompanyId, await CompanyOfAsync(current));
        using var response = await PleoClient.GetAsync(Client, "v1/introspect", rotated);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Rotation_keys_share_one_installation_so_activation_by_one_shows_through_the_other()
    {
        var current = Server.Keys.MintValid();
        var rotated = Server.Keys.MintRotation(current);

        using var activated = await PleoClient.SendAsync(Client, HttpMethod.Post, "v1/installations/me:activate", current);
        using var seen = await PleoClient.GetAsync(Client, "v1/installations/me", rotated);

        Assert.Equal("ACTIVATED", (await PleoClient.JsonAsync(seen)).GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public void Minting_with_impossible_arguments_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Server.Keys.MintFailing(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Server.Keys.MintRateLimited(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentNullException>(() => Server.Keys.MintRotation(null!));
    }

    private async Task<Guid> CompanyOfAsync(MintedKey key)
    {
        using var response = await PleoClient.GetAsync(Client, "v1/introspect", key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var urn = (await PleoClient.JsonAsync(response)).GetProperty("data").GetProperty("subjectURN").GetString()!;
        return Guid.Parse(urn["urn:pleo:company:".Length..]);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{64}$")]
    private static partial Regex KeyShape();
}
