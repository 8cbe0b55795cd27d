using PleoUxGuard.FakePleo;
using PleoUxGuard.ReferenceIntegration.Connections;
using PleoUxGuard.ReferenceIntegration.Tests.Support;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Tests;

public sealed class RotationApp : ReferenceApp;

/// <summary>Update API key while connected: success, failures that keep the previous key, a company switch, races.</summary>
public sealed class RotationFlowTests(RotationApp app) : IClassFixture<RotationApp>
{
    [Fact]
    public async Task A_rotated_key_for_the_same_company_replaces_the_old_one_after_validation()
    {
        var (workspace, current) = await ConnectedWorkspaceAsync();
        var rotated = app.Pleo.Keys.MintRotation(current);

        var page = await workspace.SubmitKeyAsync(rotated);

        // Confirmed in the status region, as a first connect is by turning Connected: the company again, the last four only.
        Assert.Equal(ConnectionPage.ReplacedStatus(current.CompanyId, rotated.LastFour), page.Status);
        Assert.Empty(page.Alerts);
        Assert.Equal($"Connected to Company ID: {current.CompanyId:D}", page.CompanyLine);
        Assert.Equal("••••" + rotated.LastFour, page.MaskedKey);
        Assert.Single(app.Pleo.Journal.For(rotated), call => call is { Path: "/v1/introspect", KeyLocation: KeyLocation.AuthorizationHeader, StatusCode: 200 });
        Assert.Equal(rotated.Value, await app.StoredKeyOfAsync(workspace.TenantId));
        Assert.Contains(await app.Store.GetEventsAsync(workspace.TenantId, default), e => e.Event == "key-replaced" && e.KeyLastFour == rotated.LastFour);

        // Said on the answer to that submission only: a later visit shows the state.
        Assert.Equal(ConnectionStateLabels.Connected, (await workspace.OpenConnectionPageAsync()).Status);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Theory]
    [InlineData(KeyBehaviour.Unknown, nameof(FailureKind.InvalidKey))]
    [InlineData(KeyBehaviour.MissingScope, nameof(FailureKind.MissingPermission))]
    [InlineData(KeyBehaviour.Expired, nameof(FailureKind.InvalidKey))]
    public async Task A_failed_rotation_keeps_the_previous_connection_and_says_so(KeyBehaviour behaviour, string expectedFailure)
    {
        var (workspace, current) = await ConnectedWorkspaceAsync();
        var before = await app.Store.GetAsync(workspace.TenantId, default);
        var replacement = behaviour switch
        {
            KeyBehaviour.Unknown => app.Pleo.Keys.MintUnknown(),
            KeyBehaviour.MissingScope => app.Pleo.Keys.MintMissingScope(current.CompanyId),
            _ => app.Pleo.Keys.MintExpired(current.CompanyId),
        };

        var page = await workspace.SubmitKeyAsync(replacement);

        AssertPreviousKept(page, current, MessageCatalogue.For(Enum.Parse<FailureKind>(expectedFailure)));
        await AssertStoredKeyUnchangedAsync(workspace, before, current);
        var refused = (await app.Store.GetEventsAsync(workspace.TenantId, default))[^1];
        Assert.Equal(("key-refused", expectedFailure), (refused.Event, refused.Failure?.ToString()));
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task A_replacement_the_form_reader_refuses_says_the_previous_connection_is_still_active()
    {
        var (workspace, current) = await ConnectedWorkspaceAsync();
        var replacement = app.Pleo.Keys.MintValid(current.CompanyId);

        var page = await workspace.SubmitKeyAsync(replacement.Value[..20] + "\0" + replacement.Value[20..]);

        AssertPreviousKept(page, current, MessageCatalogue.WrongFormat);
        Assert.Empty(app.Pleo.Journal.For(replacement));
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task A_rotation_with_text_that_is_not_a_key_keeps_the_previous_connection_without_calling_pleo()
    {
        var (workspace, current) = await ConnectedWorkspaceAsync();
        var before = await app.Store.GetAsync(workspace.TenantId, default);
        var calls = app.Pleo.Journal.All.Count;

        var page = await workspace.SubmitKeyAsync("definitely not a key");

        AssertPreviousKept(page, current, MessageCatalogue.WrongFormat);
        Assert.Equal(calls, app.Pleo.Journal.All.Count);
        Assert.Equal(FailureKind.WrongFormat, (await app.Store.GetEventsAsync(workspace.TenantId, default))[^1].Failure);
        await AssertStoredKeyUnchangedAsync(workspace, before, current);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task A_pleo_outage_during_rotation_leaves_the_stored_key_and_state_unchanged()
    {
        var (workspace, current) = await ConnectedWorkspaceAsync();
        var before = await app.Store.GetAsync(workspace.TenantId, default);
        var rotated = app.Pleo.Keys.MintRotation(current);
        app.Pleo.Keys.SetOutage(true);
        ConnectionPage page;
        try
        {
            page = await workspace.SubmitKeyAsync(rotated);
        }
        finally
        {
            app.Pleo.Keys.SetOutage(false);
        }

        AssertPreviousKept(page, current, MessageCatalogue.PleoUnavailable);
        await AssertStoredKeyUnchangedAsync(workspace, before, current);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task A_key_for_another_company_is_refused_until_the_user_confirms_the_switch()
    {
        var (workspace, current) = await ConnectedWorkspaceAsync();
        var before = await app.Store.GetAsync(workspace.TenantId, default);
        var otherCompany = app.Pleo.Keys.MintValid();

        var refused = await workspace.SubmitKeyAsync(otherCompany);

        AssertPreviousKept(refused, current, MessageCatalogue.DifferentCompany(otherCompany.CompanyId.ToString("D"), current.CompanyId.ToString("D")));
        var confirm = refused.Document.QuerySelector("input#ConfirmCompanySwitch")!;
        Assert.Equal(("checkbox", otherCompany.CompanyId.ToString("D")), (confirm.GetAttribute("type"), confirm.GetAttribute("value")));
        Assert.NotNull(refused.Document.QuerySelector("label[for=ConfirmCompanySwitch]"));
        await AssertStoredKeyUnchangedAsync(workspace, before, current);

        // Confirming some other company does not count.
        AssertPreviousKept(await workspace.SubmitKeyAsync(otherCompany, confirmCompanySwitch: Guid.NewGuid()), current,
            MessageCatalogue.DifferentCompany(otherCompany.CompanyId.ToString("D"), current.CompanyId.ToString("D")));

        // The other company's installation is activated in Pleo only with the switch confirmed.
        Assert.DoesNotContain(app.Pleo.Journal.For(otherCompany), call => call.Path == "/v1/installations/me:activate");

        var switched = await workspace.SubmitKeyAsync(otherCompany, confirmCompanySwitch: otherCompany.CompanyId);
        Assert.Single(app.Pleo.Journal.For(otherCompany), call => call.Path == "/v1/installations/me:activate");

        Assert.Equal(ConnectionPage.ReplacedStatus(otherCompany.CompanyId, otherCompany.LastFour), switched.Status);
        Assert.Empty(switched.Alerts);
        Assert.Equal($"Connected to Company ID: {otherCompany.CompanyId:D}", switched.CompanyLine);
        Assert.Equal(otherCompany.Value, await app.StoredKeyOfAsync(workspace.TenantId));
        Assert.Contains(await app.Store.GetEventsAsync(workspace.TenantId, default), e => e.Event == "company-switched");
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task Two_concurrent_rotations_end_in_one_consistent_state()
    {
        var (workspace, current) = await ConnectedWorkspaceAsync();
        var first = app.Pleo.Keys.MintSlow(current.CompanyId);
        var second = app.Pleo.Keys.MintSlow(current.CompanyId);

        var firstSubmit = workspace.SubmitKeyAsync(first);
        await app.Pleo.Keys.WaitUntilHeldAsync(first, 1, ReferenceApp.Patience);
        var secondSubmit = workspace.SubmitKeyAsync(second);
        var meanwhile = await workspace.OpenConnectionPageAsync();
        Assert.Equal(ConnectionStateLabels.ValidationInProgress, meanwhile.Status);

        // The second waits its turn: Pleo hears about it only once the first is answered.
        Assert.Equal(0, app.Pleo.Keys.HeldRequests(second));
        app.Pleo.Keys.ReleaseSlow(first);
        await app.Pleo.Keys.WaitUntilHeldAsync(second, 1, ReferenceApp.Patience);
        app.Pleo.Keys.ReleaseSlow(second);
        var pages = await Task.WhenAll(firstSubmit, secondSubmit);

        // The first answer comes back while the second is (normally) still waiting or running, and then says so; once the
        // second has replaced the first key, the first answer no longer confirms a key that is gone.
        Assert.Contains(pages[0].Status, new[] { ConnectionStateLabels.ValidationInProgress, ConnectionStateLabels.Connected });
        Assert.Equal(ConnectionPage.ReplacedStatus(current.CompanyId, second.LastFour), pages[1].Status);
        var stored = await app.Store.GetAsync(workspace.TenantId, default);
        Assert.Equal((ConnectionState.Connected, current.CompanyId, second.LastFour), (stored.State, stored.CompanyId, stored.KeyLastFour));
        Assert.Equal(second.Value, await app.StoredKeyOfAsync(workspace.TenantId));
        var replaced = (await app.Store.GetEventsAsync(workspace.TenantId, default)).Where(e => e.Event == "key-replaced").Select(e => e.KeyLastFour);
        Assert.Equal([first.LastFour, second.LastFour], replaced);
        Assert.Equal("••••" + second.LastFour, (await workspace.OpenConnectionPageAsync()).MaskedKey);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task Disconnect_removes_the_key()
    {
        var (workspace, _) = await ConnectedWorkspaceAsync();

        var page = await workspace.DisconnectAsync();

        Assert.Equal(ConnectionStateLabels.NotConnected, page.Status);
        Assert.Null(page.MaskedKey);
        Assert.Contains("Connect", page.ActionNames);
        var stored = await app.Store.GetAsync(workspace.TenantId, default);
        Assert.Equal((ConnectionState.NotConnected, null, null, null), (stored.State, stored.ProtectedKey, stored.KeyLastFour, stored.CompanyId));
        Assert.Null(await app.StoredKeyOfAsync(workspace.TenantId));
        Assert.Equal("disconnected", (await app.Store.GetEventsAsync(workspace.TenantId, default))[^1].Event);
        Assert.Equal(ConnectionStateLabels.NotConnected, (await workspace.OpenConnectionPageAsync()).Status);
        SecretScan.AssertNoKeyLeaked(app);
    }

    private async Task<(Workspace Workspace, MintedKey Key)> ConnectedWorkspaceAsync()
    {
        var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        Assert.Equal(ConnectionStateLabels.Connected, (await workspace.SubmitKeyAsync(key)).Status);
        return (workspace, key);
    }

    private static void AssertPreviousKept(ConnectionPage page, MintedKey current, string reason)
    {
        Assert.Equal(ConnectionStateLabels.Connected, page.Status);
        Assert.Equal([reason, MessageCatalogue.RotationKeptPrevious], page.Alerts);
        Assert.Equal(1, page.AlertRegions);
        Assert.Equal($"Connected to Company ID: {current.CompanyId:D}", page.CompanyLine);
        Assert.Equal("••••" + current.LastFour, page.MaskedKey);
        Assert.False(page.KeyField.IsDisabled || page.KeyField.IsReadOnly);
    }

    private async Task AssertStoredKeyUnchangedAsync(Workspace workspace, PleoConnection before, MintedKey current)
    {
        var after = await app.Store.GetAsync(workspace.TenantId, default);
        Assert.Equal((before.State, before.CompanyId, before.KeyLastFour, before.LastCheckedAt), (after.State, after.CompanyId, after.KeyLastFour, after.LastCheckedAt));
        Assert.Equal(before.ProtectedKey, after.ProtectedKey);
        Assert.Equal(current.Value, await app.StoredKeyOfAsync(workspace.TenantId));
    }
}
