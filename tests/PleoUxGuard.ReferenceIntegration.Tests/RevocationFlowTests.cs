using PleoUxGuard.FakePleo;
using PleoUxGuard.ReferenceIntegration.Connections;
using PleoUxGuard.ReferenceIntegration.Tests.Support;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Tests;

/// <summary>The monitor re-checks every 100 ms; the page never re-checks on its own here.</summary>
public sealed class MonitoredApp : ReferenceApp
{
    protected override TimeSpan MonitorInterval => TimeSpan.FromMilliseconds(100);
}

/// <summary>Detection: the monitor notices a revoked key, the warning persists, and replacing the key recovers.</summary>
public sealed class RevocationFlowTests(MonitoredApp app) : IClassFixture<MonitoredApp>
{
    [Fact]
    public async Task A_revoked_key_is_detected_by_the_monitor_warned_about_on_every_page_and_replacing_it_restores_the_connection()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        await workspace.SubmitKeyAsync(key);

        app.Pleo.Keys.Revoke(key);
        await app.Monitor.WaitForFreshPassAsync().WaitAsync(ReferenceApp.Patience);

        var stored = await app.Store.GetAsync(workspace.TenantId, default);
        Assert.Equal((ConnectionState.ActionRequired, FailureKind.KeyRevoked), (stored.State, stored.LastFailure));
        Assert.Contains(await app.Store.GetEventsAsync(workspace.TenantId, default), e => e.Event == "key-refused-on-check");

        var overview = await workspace.GetAsync("/");
        Assert.Equal([MessageCatalogue.KeyRevoked], overview.Alerts);
        Assert.Equal("/integrations/pleo#ApiKey", overview.Document.QuerySelector("[role=alert] a")!.GetAttribute("href"));
        Assert.Contains("Replace API key", overview.ActionNames);

        var page = await workspace.OpenConnectionPageAsync();
        Assert.Equal(ConnectionStateLabels.ActionRequired, page.Status);
        Assert.Equal([MessageCatalogue.KeyRevoked], page.Alerts);
        Assert.Equal(1, page.AlertRegions);
        Assert.Single(page.ActionNames, name => name == "Replace API key");
        Assert.Equal($"Company ID: {key.CompanyId:D}", page.CompanyLine);

        var replacement = app.Pleo.Keys.MintRotation(key);
        var restored = await workspace.SubmitKeyAsync(replacement);

        Assert.Equal(ConnectionPage.ReplacedStatus(key.CompanyId, replacement.LastFour), restored.Status);
        Assert.Empty(restored.Alerts);
        Assert.Equal($"Connected to Company ID: {key.CompanyId:D}", restored.CompanyLine);
        Assert.Equal(0, (await workspace.GetAsync("/")).AlertRegions);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task A_key_that_loses_a_permission_is_detected_and_reconnects_by_itself_once_the_permission_is_granted_back()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        await workspace.SubmitKeyAsync(key);

        app.Pleo.Keys.WithdrawScope(key);
        await app.Monitor.WaitForFreshPassAsync().WaitAsync(ReferenceApp.Patience);

        var lost = await app.Store.GetAsync(workspace.TenantId, default);
        Assert.Equal((ConnectionState.ActionRequired, FailureKind.MissingPermission), (lost.State, lost.LastFailure));
        var page = await workspace.OpenConnectionPageAsync();
        Assert.Equal(ConnectionStateLabels.ActionRequired, page.Status);
        Assert.Equal([MessageCatalogue.For(FailureKind.MissingPermission)], page.Alerts);
        Assert.Single(page.ActionNames, name => name == "Replace API key");

        app.Pleo.Keys.RestoreScopes(key);
        await app.Monitor.WaitForFreshPassAsync().WaitAsync(ReferenceApp.Patience);

        var back = await app.Store.GetAsync(workspace.TenantId, default);
        Assert.Equal((ConnectionState.Connected, (FailureKind?)null), (back.State, back.LastFailure));
        Assert.Contains(await app.Store.GetEventsAsync(workspace.TenantId, default), e => e.Event == "restored-on-check");
        var reconnected = await workspace.OpenConnectionPageAsync();
        Assert.Equal(ConnectionStateLabels.Connected, reconnected.Status);
        Assert.Empty(reconnected.Alerts);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task A_key_short_of_a_permission_that_is_then_revoked_is_audited_and_warned_about_as_revoked()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        await workspace.SubmitKeyAsync(key);
        app.Pleo.Keys.WithdrawScope(key);
        await app.Monitor.WaitForFreshPassAsync().WaitAsync(ReferenceApp.Patience);

        app.Pleo.Keys.Revoke(key);
        await app.Monitor.WaitForFreshPassAsync().WaitAsync(ReferenceApp.Patience);

        var stored = await app.Store.GetAsync(workspace.TenantId, default);
        Assert.Equal((ConnectionState.ActionRequired, FailureKind.KeyRevoked), (stored.State, stored.LastFailure));
        var refusals = (await app.Store.GetEventsAsync(workspace.TenantId, default)).Where(e => e.Event == "key-refused-on-check").Select(e => e.Failure);
        Assert.Equal([FailureKind.MissingPermission, FailureKind.KeyRevoked], refusals);
        Assert.Equal([MessageCatalogue.KeyRevoked], (await workspace.OpenConnectionPageAsync()).Alerts);
    }

    [Fact]
    public async Task A_revoked_key_is_not_asked_about_again()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        await workspace.SubmitKeyAsync(key);
        app.Pleo.Keys.Revoke(key);
        await app.Monitor.WaitForFreshPassAsync().WaitAsync(ReferenceApp.Patience);
        var calls = app.Pleo.Journal.For(key).Count;

        await app.Monitor.WaitForFreshPassAsync().WaitAsync(ReferenceApp.Patience);
        await app.Monitor.WaitForFreshPassAsync().WaitAsync(ReferenceApp.Patience);

        Assert.Equal(calls, app.Pleo.Journal.For(key).Count);
    }

    [Fact]
    public async Task A_failed_replacement_while_action_is_required_keeps_the_warning()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        await workspace.SubmitKeyAsync(key);
        app.Pleo.Keys.Revoke(key);
        await app.Monitor.WaitForFreshPassAsync().WaitAsync(ReferenceApp.Patience);

        var page = await workspace.SubmitKeyAsync(app.Pleo.Keys.MintUnknown());

        Assert.Equal(ConnectionStateLabels.ActionRequired, page.Status);
        Assert.Equal([MessageCatalogue.InvalidKey, MessageCatalogue.KeyRevoked], page.Alerts);
        Assert.Contains("Replace API key", page.ActionNames);
        Assert.False(page.KeyField.IsDisabled || page.KeyField.IsReadOnly);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task A_pleo_outage_seen_by_the_monitor_leaves_the_stored_key_and_state_unchanged()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        await workspace.SubmitKeyAsync(key);
        PleoConnection before, after;
        app.Pleo.Keys.SetOutage(true);
        try
        {
            // A pass that began before the outage may still stamp a successful check; a fresh pass starts only after
            // it ended, so the row read then is the one every later pass during the outage must leave alone. The row
            // is read again before the outage ends: the passes after it stamp their successful checks.
            await app.Monitor.WaitForFreshPassAsync().WaitAsync(ReferenceApp.Patience);
            before = await app.Store.GetAsync(workspace.TenantId, default);
            await app.Monitor.WaitForFreshPassAsync().WaitAsync(ReferenceApp.Patience);
            after = await app.Store.GetAsync(workspace.TenantId, default);
        }
        finally
        {
            app.Pleo.Keys.SetOutage(false);
        }

        Assert.Contains(app.Pleo.Journal.For(key), call => call.StatusCode == 503);
        Assert.Equal(before, after with { ProtectedKey = before.ProtectedKey });
        Assert.Equal(before.ProtectedKey, after.ProtectedKey);
        Assert.Equal(ConnectionStateLabels.Connected, (await workspace.OpenConnectionPageAsync()).Status);
        SecretScan.AssertNoKeyLeaked(app);
    }
}

/// <summary>No monitor in sight; the page re-checks whenever its last check is older than zero.</summary>
public sealed class PageRecheckApp : ReferenceApp
{
    protected override TimeSpan PageRecheckAfter => TimeSpan.Zero;
}

public sealed class PageRecheckTests(PageRecheckApp app) : IClassFixture<PageRecheckApp>
{
    [Fact]
    public async Task Reloading_the_page_after_a_revocation_shows_action_required()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        await workspace.SubmitKeyAsync(key);

        app.Pleo.Keys.Revoke(key);
        var page = await workspace.OpenConnectionPageAsync();

        Assert.Equal(ConnectionStateLabels.ActionRequired, page.Status);
        Assert.Equal([MessageCatalogue.KeyRevoked], page.Alerts);
        Assert.Contains(app.Pleo.Journal.For(key), call => call.StatusCode == 401);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task Reloading_the_page_after_a_permission_is_granted_back_shows_connected()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        await workspace.SubmitKeyAsync(key);
        app.Pleo.Keys.WithdrawScope(key);
        Assert.Equal(ConnectionStateLabels.ActionRequired, (await workspace.OpenConnectionPageAsync()).Status);

        app.Pleo.Keys.RestoreScopes(key);
        var page = await workspace.OpenConnectionPageAsync();

        Assert.Equal(ConnectionStateLabels.Connected, page.Status);
        Assert.Empty(page.Alerts);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task A_key_that_still_works_stays_connected_on_reload()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        await workspace.SubmitKeyAsync(key);

        var callsBefore = app.Pleo.Journal.For(key).Count;

        var page = await workspace.OpenConnectionPageAsync();

        Assert.Equal(ConnectionStateLabels.Connected, page.Status);
        Assert.Equal(callsBefore + 1, app.Pleo.Journal.For(key).Count);
        SecretScan.AssertNoKeyLeaked(app);
    }
}

/// <summary>The page re-checks on every visit, waits 1 s for it, and Pleo's calls may take five minutes each.</summary>
public sealed class HangingPleoApp : ReferenceApp
{
    protected override TimeSpan PageRecheckAfter => TimeSpan.Zero;

    protected override TimeSpan PleoAttemptTimeout => TimeSpan.FromMinutes(5);

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Monitor:PageRecheckTimeout", "00:00:01")];
}

public sealed class HangingPleoTests(HangingPleoApp app) : IClassFixture<HangingPleoApp>
{
    [Fact]
    public async Task A_page_whose_recheck_Pleo_never_answers_shows_the_stored_state_instead_of_waiting_for_it()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintTimingOut();
        var current = await app.Store.GetAsync(workspace.TenantId, default);
        var connected = current with
        {
            State = ConnectionState.Connected,
            ProtectedKey = PleoApiKey.Parse(key.Value)!.Protect(app.Connections.ProtectorFor(workspace.TenantId)),
            KeyLastFour = key.LastFour,
            CompanyId = key.CompanyId,
            LastCheckedAt = null,
        };
        Assert.True(await app.Store.TrySaveAsync(connected, "connected", auditFailure: null, default));

        // Without the page's own timeout the visit waits for Pleo's (five minutes, then a retry).
        var page = await workspace.OpenConnectionPageAsync().WaitAsync(ReferenceApp.Patience);

        Assert.Equal(ConnectionStateLabels.Connected, page.Status);
        Assert.Empty(page.Alerts);
        Assert.Contains(app.Logs.GetSnapshot(), record => record.Message.StartsWith("Pleo did not answer the page's re-check", StringComparison.Ordinal));
        Assert.Equal(connected.LastCheckedAt, (await app.Store.GetAsync(workspace.TenantId, default)).LastCheckedAt);
        SecretScan.AssertNoKeyLeaked(app);
    }
}
