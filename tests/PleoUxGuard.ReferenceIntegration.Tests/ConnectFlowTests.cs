using Microsoft.Extensions.DependencyInjection;
using PleoUxGuard.FakePleo;
using PleoUxGuard.ReferenceIntegration.Connections;
using PleoUxGuard.ReferenceIntegration.Tests.Support;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Tests;

public sealed class ConnectApp : ReferenceApp
{
    public const int AttemptLimit = 5;

    protected override int ConnectAttemptLimit => AttemptLimit;

    // The timing-out key is waited out twice (one retry), so keep the wait short but clear of machine load.
    protected override TimeSpan PleoAttemptTimeout => TimeSpan.FromSeconds(3);
}

/// <summary>First connection: success, every kind of failure, the format check, progress and the attempt limit.</summary>
public sealed class ConnectFlowTests(ConnectApp app) : IClassFixture<ConnectApp>
{
    [Fact]
    public async Task A_valid_key_connects_and_shows_the_company_and_only_the_last_four()
    {
        using var workspace = await app.SignUpAsync();
        var before = await workspace.OpenConnectionPageAsync();
        Assert.Equal(ConnectionStateLabels.NotConnected, before.Status);
        Assert.Contains("Connect", before.ActionNames);

        var key = app.Pleo.Keys.MintValid();
        var page = await workspace.SubmitKeyAsync(key);

        Assert.Equal(ConnectionStateLabels.Connected, page.Status);
        Assert.Empty(page.Alerts);
        Assert.Equal($"Connected to Company ID: {key.CompanyId:D}", page.CompanyLine);
        Assert.Equal("••••" + key.LastFour, page.MaskedKey);
        Assert.Contains("Update API key", page.ActionNames);

        // Checked, then the installation marked active in Pleo: both with the key in the Authorization header.
        Assert.Equal(
            [("GET", "/v1/introspect", KeyLocation.AuthorizationHeader, 200), ("POST", "/v1/installations/me:activate", KeyLocation.AuthorizationHeader, 200)],
            app.Pleo.Journal.For(key).Select(call => (call.Method, call.Path, call.KeyLocation, call.StatusCode)));

        var stored = await app.Store.GetAsync(workspace.TenantId, default);
        Assert.Equal((ConnectionState.Connected, key.CompanyId, key.LastFour), (stored.State, stored.CompanyId, stored.KeyLastFour));
        Assert.NotNull(stored.ProtectedKey);
        Assert.Contains(await app.Store.GetEventsAsync(workspace.TenantId, default), e => e.Event == "connected" && e.KeyLastFour == key.LastFour);

        Assert.Equal(ConnectionStateLabels.Connected, (await workspace.OpenConnectionPageAsync()).Status);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Theory]
    [InlineData(KeyBehaviour.Unknown, nameof(FailureKind.InvalidKey), 1)]
    [InlineData(KeyBehaviour.Expired, nameof(FailureKind.InvalidKey), 1)]
    [InlineData(KeyBehaviour.MissingScope, nameof(FailureKind.MissingPermission), 1)]
    [InlineData(KeyBehaviour.RateLimited, nameof(FailureKind.RateLimited), 1)]
    [InlineData(KeyBehaviour.TimingOut, nameof(FailureKind.PleoUnavailable), 2)]
    public async Task A_refused_key_fails_with_its_own_message_stays_inactive_and_a_retry_works_at_once(
        KeyBehaviour behaviour, string expectedFailure, int expectedCalls)
    {
        var expected = Enum.Parse<FailureKind>(expectedFailure);
        using var workspace = await app.SignUpAsync();
        var key = behaviour switch
        {
            KeyBehaviour.Unknown => app.Pleo.Keys.MintUnknown(),
            KeyBehaviour.Expired => app.Pleo.Keys.MintExpired(),
            KeyBehaviour.MissingScope => app.Pleo.Keys.MintMissingScope(),
            KeyBehaviour.RateLimited => app.Pleo.Keys.MintRateLimited(TimeSpan.FromMinutes(5)),
            KeyBehaviour.TimingOut => app.Pleo.Keys.MintTimingOut(),
            _ => throw new ArgumentOutOfRangeException(nameof(behaviour)),
        };

        var failed = await workspace.SubmitKeyAsync(key);

        AssertFailedWith(failed, expected);
        await app.WaitForCallsAsync(key, expectedCalls);
        Assert.Equal(expectedCalls, app.Pleo.Journal.For(key).Count);
        var stored = await app.Store.GetAsync(workspace.TenantId, default);
        Assert.Equal((ConnectionState.ConnectionFailed, null, null), (stored.State, stored.ProtectedKey, stored.CompanyId));

        await AssertRetryConnectsAsync(workspace);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task A_pleo_outage_is_reported_as_temporary_after_one_retry()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        app.Pleo.Keys.SetOutage(true);
        ConnectionPage failed;
        try
        {
            failed = await workspace.SubmitKeyAsync(key);
        }
        finally
        {
            app.Pleo.Keys.SetOutage(false);
        }

        AssertFailedWith(failed, FailureKind.PleoUnavailable);
        Assert.Equal([503, 503], app.Pleo.Journal.For(key).Select(entry => entry.StatusCode));
        await AssertRetryConnectsAsync(workspace);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task A_single_pleo_hiccup_is_absorbed_by_the_one_retry()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintFailing(failures: 1);

        var page = await workspace.SubmitKeyAsync(key);

        Assert.Equal(ConnectionStateLabels.Connected, page.Status);
        Assert.Equal([("/v1/introspect", 503), ("/v1/introspect", 200), ("/v1/installations/me:activate", 200)], app.Pleo.Journal.For(key).Select(entry => (entry.Path, entry.StatusCode)));
        SecretScan.AssertNoKeyLeaked(app);
    }

    public static TheoryData<string> NotKeys => new()
    {
        "not a key",
        "short",
        new string('a', 2000),
        "pleo_" + new string('b', 40) + "\u001b[31m" + new string('c', 20),
    };

    [Theory]
    [MemberData(nameof(NotKeys))]
    public async Task Text_that_is_not_a_key_is_refused_before_any_call_to_pleo(string input)
    {
        using var workspace = await app.SignUpAsync();
        var callsBefore = app.Pleo.Journal.All.Count;

        var page = await workspace.SubmitKeyAsync(input);

        AssertFailedWith(page, FailureKind.WrongFormat);
        Assert.Equal(callsBefore, app.Pleo.Journal.All.Count);
        await AssertRetryConnectsAsync(workspace);
        SecretScan.AssertNoKeyLeaked(app, ("the refused input", input));
    }

    [Fact]
    public async Task A_pasted_nul_character_which_the_form_reader_refuses_gets_the_wrong_format_message()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();

        var page = await workspace.SubmitKeyAsync(key.Value[..20] + "\0" + key.Value[20..]);

        Assert.Equal(ConnectionStateLabels.NotConnected, page.Status);
        Assert.Equal(MessageCatalogue.WrongFormat, Assert.Single(page.Alerts));
        Assert.Empty(app.Pleo.Journal.For(key));

        // Said on the answer to that submission only: a reload shows the state, no refusal.
        var reloaded = await workspace.OpenConnectionPageAsync();
        Assert.Equal(ConnectionStateLabels.NotConnected, reloaded.Status);
        Assert.Empty(reloaded.Alerts);
        await AssertRetryConnectsAsync(workspace);
        SecretScan.AssertNoKeyLeaked(app);
    }

    /// <summary>
    /// A refusal is told to the submission that produced it, never to a URL: the query string the unreadable-form guard
    /// once sent the browser to can be typed or bookmarked, and showed the wrong-format message with nothing submitted.
    /// </summary>
    [Theory]
    [InlineData("?refused=unreadable-input")]
    [InlineData("?refused=unreadable-input&handler=Connect")]
    public async Task A_typed_or_bookmarked_url_shows_no_refusal(string query)
    {
        using var workspace = await app.SignUpAsync();

        var notConnected = await workspace.GetAsync(Workspace.ConnectionPath + query);
        Assert.Equal(ConnectionStateLabels.NotConnected, notConnected.Status);
        Assert.Empty(notConnected.Alerts);
        Assert.Equal("false", notConnected.KeyField.GetAttribute("aria-invalid"));

        var key = app.Pleo.Keys.MintValid();
        Assert.Equal(ConnectionStateLabels.Connected, (await workspace.SubmitKeyAsync(key)).Status);
        var connected = await workspace.GetAsync(Workspace.ConnectionPath + query);
        Assert.Equal(ConnectionStateLabels.Connected, connected.Status);
        Assert.Empty(connected.Alerts);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task A_real_key_padded_past_one_kilobyte_is_refused_without_a_call()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();

        var page = await workspace.SubmitKeyAsync(key.Value + new string(' ', 1100));

        AssertFailedWith(page, FailureKind.WrongFormat);
        Assert.Empty(app.Pleo.Journal.For(key));
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task Pasted_white_space_and_newlines_around_the_key_are_trimmed()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();

        var page = await workspace.SubmitKeyAsync("\r\n  " + key.Value + " \n\t");

        Assert.Equal(ConnectionStateLabels.Connected, page.Status);
        Assert.Equal("••••" + key.LastFour, page.MaskedKey);
        SecretScan.AssertNoKeyLeaked(app);
    }

    /// <summary>
    /// A refused attempt says why it was refused, not also why the attempt before it was: after an invalid key, a key
    /// another workspace holds is refused for that reason alone.
    /// </summary>
    [Fact]
    public async Task A_refusal_after_a_failed_attempt_does_not_repeat_the_earlier_reason()
    {
        using var first = await app.SignUpAsync();
        using var second = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        Assert.Equal(ConnectionStateLabels.Connected, (await first.SubmitKeyAsync(key)).Status);
        Assert.Equal([MessageCatalogue.InvalidKey], (await second.SubmitKeyAsync(app.Pleo.Keys.MintUnknown())).Alerts);

        var refused = await second.SubmitKeyAsync(key);

        Assert.Equal(ConnectionStateLabels.ConnectionFailed, refused.Status);
        Assert.Equal([MessageCatalogue.KeyUsedByAnotherWorkspace], refused.Alerts);
        SecretScan.AssertNoKeyLeaked(app);
    }

    /// <summary>R-SEC-1: one installation's key belongs to one workspace; a second workspace pasting it is refused.</summary>
    [Fact]
    public async Task A_key_another_workspace_holds_is_refused_until_that_workspace_lets_it_go()
    {
        using var first = await app.SignUpAsync();
        using var second = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();
        Assert.Equal(ConnectionStateLabels.Connected, (await first.SubmitKeyAsync(key)).Status);

        var refused = await second.SubmitKeyAsync(key);

        Assert.Equal(ConnectionStateLabels.NotConnected, refused.Status);
        Assert.Equal(MessageCatalogue.KeyUsedByAnotherWorkspace, Assert.Single(refused.Alerts));
        Assert.Single(app.Pleo.Journal.For(key), call => call.Path == "/v1/installations/me:activate");
        Assert.Null((await app.Store.GetAsync(second.TenantId, default)).ProtectedKey);
        Assert.Equal(ConnectionStateLabels.Connected, (await first.OpenConnectionPageAsync()).Status);

        // Another key of the same company is the second workspace's own; the first one's key is free once it disconnects.
        Assert.Equal(ConnectionStateLabels.Connected, (await second.SubmitKeyAsync(app.Pleo.Keys.MintValid(key.CompanyId))).Status);
        await second.DisconnectAsync();
        await first.DisconnectAsync();
        Assert.Equal(ConnectionStateLabels.Connected, (await second.SubmitKeyAsync(key)).Status);
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task Validation_in_progress_is_shown_while_pleo_is_being_asked()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintSlow();

        var submitting = workspace.SubmitKeyAsync(key);
        await app.Pleo.Keys.WaitUntilHeldAsync(key, 1, ReferenceApp.Patience);
        var meanwhile = await workspace.OpenConnectionPageAsync();
        app.Pleo.Keys.ReleaseSlow(key);
        var done = await submitting;

        Assert.Equal(ConnectionStateLabels.ValidationInProgress, meanwhile.Status);
        Assert.Equal(ConnectionStateLabels.Connected, done.Status);

        // Browsers with script show the same label the moment the form is submitted, before the answer arrives.
        var status = meanwhile.Document.QuerySelector("[role=status]")!;
        Assert.Equal(ConnectionStateLabels.ValidationInProgress, status.GetAttribute("data-progress-label"));
        Assert.Equal("polite", status.GetAttribute("aria-live"));
        Assert.NotNull(meanwhile.Document.QuerySelector("form[data-validates-key]"));
        Assert.NotNull(meanwhile.Document.QuerySelector("script[src^='/js/site.js']"));
        SecretScan.AssertNoKeyLeaked(app);
    }

    [Fact]
    public async Task Connect_attempts_are_limited_per_workspace()
    {
        using var workspace = await app.SignUpAsync();
        using var neighbour = await app.SignUpAsync();
        for (var attempt = 0; attempt < ConnectApp.AttemptLimit; attempt++)
        {
            AssertFailedWith(await workspace.SubmitKeyAsync(app.Pleo.Keys.MintUnknown()), FailureKind.InvalidKey);
        }

        var extra = app.Pleo.Keys.MintValid();
        var limited = await workspace.SubmitKeyAsync(extra);

        Assert.Contains(MessageCatalogue.TooManyConnectAttempts, limited.Alerts);
        Assert.Empty(app.Pleo.Journal.For(extra));
        Assert.Equal(ConnectionStateLabels.Connected, (await neighbour.SubmitKeyAsync(app.Pleo.Keys.MintValid())).Status);
        SecretScan.AssertNoKeyLeaked(app);
    }

    private static void AssertFailedWith(ConnectionPage page, FailureKind expected)
    {
        Assert.Equal(ConnectionStateLabels.ConnectionFailed, page.Status);
        Assert.Equal(MessageCatalogue.For(expected), Assert.Single(page.Alerts));
        Assert.Null(page.CompanyLine);
        Assert.Null(page.MaskedKey);

        // The field stays editable and empty, ready for the next paste.
        var field = page.KeyField;
        Assert.False(field.IsDisabled || field.IsReadOnly);
        Assert.Equal(string.Empty, field.Value);
        Assert.Contains("Connect", page.ActionNames);
    }

    /// <summary>
    /// A first connect that met an outage says so on its answer only: "Pleo could not be reached just now" is not true
    /// of a later visit, which shows Connection failed and the key form. A refused key's reason stays until it is fixed.
    /// </summary>
    [Fact]
    public async Task An_outage_is_told_on_the_attempt_and_not_again_on_a_later_visit()
    {
        using var workspace = await app.SignUpAsync();
        app.Pleo.Keys.SetOutage(true);
        ConnectionPage failed;
        try
        {
            failed = await workspace.SubmitKeyAsync(app.Pleo.Keys.MintValid());
        }
        finally
        {
            app.Pleo.Keys.SetOutage(false);
        }

        Assert.Equal([MessageCatalogue.PleoUnavailable], failed.Alerts);
        var later = await workspace.OpenConnectionPageAsync();
        Assert.Equal(ConnectionStateLabels.ConnectionFailed, later.Status);
        Assert.Empty(later.Alerts);

        await workspace.SubmitKeyAsync(app.Pleo.Keys.MintUnknown());
        Assert.Equal([MessageCatalogue.InvalidKey], (await workspace.OpenConnectionPageAsync()).Alerts);
    }

    private async Task AssertRetryConnectsAsync(Workspace workspace)
    {
        var retry = app.Pleo.Keys.MintValid();
        var page = await workspace.SubmitKeyAsync(retry);
        Assert.Equal(ConnectionStateLabels.Connected, page.Status);
        Assert.Equal($"Connected to Company ID: {retry.CompanyId:D}", page.CompanyLine);
    }
}

/// <summary>An integration that requires one scope more than the fake Pleo's installation grants.</summary>
public sealed class WiderScopesApp : ReferenceApp
{
    public const string ExtraScope = "expenses:read";

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        new Pleo.PleoOptions().RequiredScopes.Append(ExtraScope).Select((scope, index) => new KeyValuePair<string, string>($"Pleo:RequiredScopes:{index}", scope));
}

/// <summary>R-ERR-2 when Pleo accepts the key (200) but its installation lacks a scope the integration needs.</summary>
public sealed class RequiredScopeTests(WiderScopesApp app) : IClassFixture<WiderScopesApp>
{
    [Fact]
    public async Task A_key_pleo_accepts_without_a_scope_the_integration_needs_gets_the_permission_message_and_stays_inactive()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();

        var page = await workspace.SubmitKeyAsync(key);

        Assert.NotEmpty(app.Pleo.Journal.For(key));
        Assert.All(app.Pleo.Journal.For(key), entry => Assert.Equal(200, entry.StatusCode));
        Assert.Equal(ConnectionStateLabels.ConnectionFailed, page.Status);
        Assert.Equal(MessageCatalogue.For(FailureKind.MissingPermission), Assert.Single(page.Alerts));
        Assert.Null(page.CompanyLine);
        var stored = await app.Store.GetAsync(workspace.TenantId, default);
        Assert.Equal((ConnectionState.ConnectionFailed, null, null), (stored.State, stored.ProtectedKey, stored.CompanyId));
        SecretScan.AssertNoKeyLeaked(app);
    }
}

/// <summary>Pleo accepts every key but fails to activate the installation (503 on <c>me:activate</c>, also on the retry).</summary>
public sealed class FailingActivationApp : ReferenceApp
{
    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddHttpClient(ReferenceIntegration.Pleo.PleoClient.HttpClientName).AddHttpMessageHandler(() => new ActivationFails());

    private sealed class ActivationFails : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath.EndsWith("/installations/me:activate", StringComparison.Ordinal)
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable))
                : base.SendAsync(request, cancellationToken);
    }
}

public sealed class FailingActivationTests(FailingActivationApp app) : IClassFixture<FailingActivationApp>
{
    /// <summary>No partial activation: a key Pleo accepts, for an installation it does not activate, is not saved.</summary>
    [Fact]
    public async Task A_key_whose_installation_Pleo_does_not_activate_is_not_saved_and_says_Pleo_could_not_be_reached()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();

        var page = await workspace.SubmitKeyAsync(key);

        Assert.Equal(ConnectionStateLabels.ConnectionFailed, page.Status);
        Assert.Equal([MessageCatalogue.PleoUnavailable], page.Alerts);
        var stored = await app.Store.GetAsync(workspace.TenantId, default);
        Assert.Equal((ConnectionState.ConnectionFailed, null, null), (stored.State, stored.ProtectedKey, stored.CompanyId));
        SecretScan.AssertNoKeyLeaked(app);
    }
}
