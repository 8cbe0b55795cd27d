using System.Collections.Concurrent;

namespace PleoUxGuard.FakePleo;

/// <summary>
/// Mints keys per scenario and remembers how each must behave. Every Mint* returns a new key, unique in
/// this run; its company is a fresh random one unless given.
/// </summary>
public sealed class KeyRegistry
{
    private readonly ConcurrentDictionary<string, KeyState> _byValue = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KeyState> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Company> _companies = new();
    private readonly IReadOnlyList<string> _requestedScopes;
    private readonly TimeProvider _time;
    private int _nextId;
    private volatile bool _outage;

    internal KeyRegistry(IReadOnlyList<string> requestedScopes, TimeProvider time)
    {
        _requestedScopes = requestedScopes;
        _time = time;
    }

    /// <summary>The scopes the integration asked for at install; a key lacking one of them is answered 403.</summary>
    public IReadOnlyList<string> RequestedScopes => _requestedScopes;

    /// <summary>True while <see cref="SetOutage"/> makes every API call answer 503.</summary>
    public bool Outage => _outage;

    /// <summary>Every key minted so far, oldest first.</summary>
    public IReadOnlyList<MintedKey> All => [.. _byId.Values.Select(state => state.Key).OrderBy(key => int.Parse(key.Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A valid key: 200 on every endpoint (with the default scopes, which are the requested ones).</summary>
    public MintedKey MintValid(Guid? companyId = null, IEnumerable<string>? scopes = null) =>
        Mint(KeyBehaviour.Valid, companyId, scopes?.ToArray() ?? [.. _requestedScopes]);

    /// <summary>A realistic key Pleo never issued: 401. Remembered only so the journal can name it.</summary>
    public MintedKey MintUnknown() =>
        Mint(KeyBehaviour.Unknown, null, [], registered: false);

    /// <summary>A valid key lacking the first requested scope: 403 on every endpoint.</summary>
    public MintedKey MintMissingScope(Guid? companyId = null) =>
        Mint(KeyBehaviour.MissingScope, companyId, [.. _requestedScopes.Skip(1)]);

    /// <summary>A key that has expired: 401 with code "api_key_expired".</summary>
    public MintedKey MintExpired(Guid? companyId = null) =>
        Mint(KeyBehaviour.Expired, companyId, [.. _requestedScopes]);

    /// <summary>A valid key whose every request is held until <see cref="ReleaseSlow"/>.</summary>
    public MintedKey MintSlow(Guid? companyId = null) =>
        Mint(KeyBehaviour.Slow, companyId, [.. _requestedScopes]);

    /// <summary>A valid key answered 503 for its first <paramref name="failures"/> requests, then 200.</summary>
    public MintedKey MintFailing(int failures, Guid? companyId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failures);
        return Mint(KeyBehaviour.Failing, companyId, [.. _requestedScopes], failures: failures);
    }

    /// <summary>A key never answered: each request is held until the client gives up or the server stops.</summary>
    public MintedKey MintTimingOut(Guid? companyId = null) =>
        Mint(KeyBehaviour.TimingOut, companyId, [.. _requestedScopes]);

    /// <summary>A key answered 429 with Retry-After until <see cref="EndRateLimit"/>.</summary>
    public MintedKey MintRateLimited(TimeSpan retryAfter, Guid? companyId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return Mint(KeyBehaviour.RateLimited, companyId, [.. _requestedScopes], retryAfter: retryAfter);
    }

    /// <summary>A second valid key for the same company and scopes; either can be revoked on its own.</summary>
    public MintedKey MintRotation(MintedKey current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var known = StateOf(current);
        return Mint(KeyBehaviour.Valid, known.Key.CompanyId, [.. known.Key.Scopes.Count > 0 ? known.Key.Scopes : _requestedScopes]);
    }

    /// <summary>From now on the key is answered 401 with code "api_key_revoked".</summary>
    public void Revoke(MintedKey key) => StateOf(key).Revoke();

    /// <summary>
    /// From now on the key lacks the first requested scope and is answered 403 <c>missing_scope</c>: an admin took a
    /// permission away from the installation in Pleo. Unlike a revocation it can be undone (<see cref="RestoreScopes"/>).
    /// </summary>
    public void WithdrawScope(MintedKey key) => StateOf(key).WithdrawScope();

    /// <summary>Gives back a scope <see cref="WithdrawScope"/> took: the key answers as it was minted again.</summary>
    public void RestoreScopes(MintedKey key) => StateOf(key).RestoreScopes();

    /// <summary>Opens the gate of a slow key for its held and its future requests.</summary>
    public void ReleaseSlow(MintedKey key) => StateOf(key).ReleaseSlow();

    /// <summary>A rate-limited key answers normally from now on.</summary>
    public void EndRateLimit(MintedKey key) => StateOf(key).EndRateLimit();

    /// <summary>While on, every API call is answered 503 whatever its key.</summary>
    public void SetOutage(bool on) => _outage = on;

    /// <summary>The key with this public id (e.g. "k7"), or null.</summary>
    public MintedKey? Find(string keyId) =>
        keyId is not null && _byId.TryGetValue(keyId, out var state) ? state.Key : null;

    /// <summary>True once the key has been revoked.</summary>
    public bool IsRevoked(MintedKey key) => StateOf(key).Revoked;

    /// <summary>How many requests this slow or timing-out key is holding right now.</summary>
    public int HeldRequests(MintedKey key) => StateOf(key).Held.Count;

    /// <summary>Completes once the key holds at least <paramref name="count"/> requests; throws TimeoutException after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilHeldAsync(MintedKey key, int count, TimeSpan timeout)
    {
        try
        {
            await StateOf(key).Held.WaitUntilAsync(count).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Key {key.Fingerprint} held {HeldRequests(key)} request(s), not {count}, within {timeout.TotalSeconds:0.#} s.");
        }
    }

    internal KeyState? StateOfValue(string value) => _byValue.GetValueOrDefault(value);

    internal KeyState? StateOfValue(ReadOnlySpan<char> value) =>
        _byValue.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var state) ? state : null;

    internal KeyState? StateOfId(string id) => _byId.GetValueOrDefault(id);

    internal Company CompanyOf(MintedKey key) => _companies[key.CompanyId];

    private KeyState StateOf(MintedKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_byId.TryGetValue(key.Id, out var state) && string.Equals(state.Key.Value, key.Value, StringComparison.Ordinal))
        {
            return state;
        }

        throw new ArgumentException($"Key {key.Fingerprint} was not minted by this fake Pleo.", nameof(key));
    }

    private MintedKey Mint(
        KeyBehaviour behaviour,
        Guid? companyId,
        string[] scopes,
        int failures = 0,
        TimeSpan retryAfter = default,
        bool registered = true)
    {
        var company = _companies.GetOrAdd(companyId ?? Guid.NewGuid(), id => new Company(id, _time.GetUtcNow()));
        while (true)
        {
            var id = $"k{Interlocked.Increment(ref _nextId)}";
            var key = new MintedKey(id, KeyGenerator.NewValue(), company.Id, scopes, behaviour);
            var state = new KeyState(key, failures, retryAfter, registered);
            if (_byValue.TryAdd(key.Value, state))
            {
                _byId[id] = state;
                return key;
            }
        }
    }
}
