using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PleoUxGuard.ReferenceIntegration.Accounts;
using PleoUxGuard.ReferenceIntegration.Hosting;
using PleoUxGuard.ReferenceIntegration.Storage;
using PleoUxGuard.ReferenceIntegration.Tests.Support;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Tests;

public sealed class SessionApp : ReferenceApp;

/// <summary>Sign-out ends the session on the server: a copy of its cookie stops working, other sessions go on.</summary>
public sealed class SessionTests(SessionApp app) : IClassFixture<SessionApp>
{
    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_sign_out_is_refused_after_it()
    {
        using var workspace = await app.SignUpAsync();
        var copy = workspace.SessionCookie;
        await AssertAcceptedAsync(app, copy);

        await workspace.SignOutAsync();

        await AssertRefusedAsync(app, copy);
    }

    [Fact]
    public async Task Signing_out_ends_that_session_only()
    {
        using var first = await app.SignUpAsync();
        using var second = await app.SignInAsync(first.Email);
        var firstCopy = first.SessionCookie;
        Assert.NotEqual(firstCopy, second.SessionCookie);

        await first.SignOutAsync();

        await AssertRefusedAsync(app, firstCopy);
        Assert.Equal(ConnectionStateLabels.NotConnected, (await second.OpenConnectionPageAsync()).Status);
        await AssertAcceptedAsync(app, second.SessionCookie);
    }

    [Fact]
    public async Task Signing_in_again_in_the_same_browser_ends_its_earlier_session()
    {
        using var workspace = await app.SignUpAsync();
        var earlier = workspace.SessionCookie;

        await workspace.SignInAsync();

        Assert.NotEqual(earlier, workspace.SessionCookie);
        await AssertRefusedAsync(app, earlier);
        await AssertAcceptedAsync(app, workspace.SessionCookie);
    }

    /// <summary>The cookie, replayed from another client, is a sign-in: the connection page answers.</summary>
    internal static async Task AssertAcceptedAsync(ReferenceApp app, string sessionCookie)
    {
        using var response = await app.GetWithSessionCookieAsync(Workspace.ConnectionPath, sessionCookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The cookie is not a sign-in: sent to sign in, as an anonymous request is, and told to drop the cookie.</summary>
    internal static async Task AssertRefusedAsync(ReferenceApp app, string sessionCookie)
    {
        using var response = await app.GetWithSessionCookieAsync(Workspace.ConnectionPath, sessionCookie);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(Workspace.LoginPath, response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(ServiceRegistration.SessionCookieName + "=;", StringComparison.Ordinal));
    }
}

/// <summary>The app on a clock a test can move forward by hours.</summary>
public sealed class ShiftedClockApp : ReferenceApp
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>How many sessions the workspace's users have stored.</summary>
    internal async Task<long> SessionRowsOfAsync(TenantId tenantId)
    {
        await using var connection = await Factory.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        return (long)(await connection.Command("SELECT COUNT(*) FROM user_sessions WHERE tenant_id = $tenant;")
            .With("$tenant", tenantId.ToString()).ExecuteScalarAsync())!;
    }
}

/// <summary>A session's row lasts as long as its cookie, which slides (8 h) while it is used.</summary>
public sealed class SessionExpiryTests(ShiftedClockApp app) : IClassFixture<ShiftedClockApp>
{
    [Fact]
    public async Task A_session_in_use_outlives_its_first_expiry_and_an_unused_one_is_cleared_after_its_own()
    {
        using var used = await app.SignUpAsync();
        using var unused = await app.SignInAsync(used.Email);
        Assert.Equal(2, await app.SessionRowsOfAsync(used.TenantId));

        // Past half its lifetime, a request renews the cookie, and the session's expiry moves with it.
        app.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(ConnectionStateLabels.NotConnected, (await used.OpenConnectionPageAsync()).Status);

        // Nine hours after both signed in, the next sign-in clears the unused session, which has expired, and only it.
        app.Clock.Advance(TimeSpan.FromHours(4));
        using var someoneElse = await app.SignUpAsync();

        Assert.Equal(1, await app.SessionRowsOfAsync(used.TenantId));
        Assert.Equal(ConnectionStateLabels.NotConnected, (await used.OpenConnectionPageAsync()).Status);
    }
}

/// <summary>The app started on a data folder an earlier version left: a schema version 2 database with a user in it.</summary>
public sealed class SchemaVersion2App : ReferenceApp
{
    public const int PreviousVersion = 2;

    public string ExistingEmail { get; } = $"existing-{Guid.NewGuid():N}@example.test";

    protected override async Task PrepareDataDirectoryAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        var database = new Database(Options.Create(new StorageOptions { DataDirectory = DataDirectory }));
        await new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(PreviousVersion, CancellationToken.None);

        // Signed up the way the app does it, on that schema.
        using var attempts = new SignInAttemptLimiter(Options.Create(new SignInAttemptOptions()));
        var accounts = new AccountService(new AccountStore(database, TimeProvider.System), new PasswordHasher<UserAccount>(), attempts, NullLogger<AccountService>.Instance);
        Assert.NotNull(await accounts.RegisterAsync("Earlier workspace", ExistingEmail, Workspace.TestPassword, CancellationToken.None));
    }
}

/// <summary>A database of the previous schema version is brought up to date at start, its users and all.</summary>
public sealed class SessionMigrationTests(SchemaVersion2App app) : IClassFixture<SchemaVersion2App>
{
    [Fact]
    public async Task A_user_of_a_previous_version_database_signs_in_and_sign_out_ends_that_session()
    {
        await using (var connection = await app.Factory.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None))
        {
            Assert.Equal((long)DatabaseMigrator.LatestVersion, await connection.Command("PRAGMA user_version;").ExecuteScalarAsync());
        }

        using var user = await app.SignInAsync(app.ExistingEmail);
        var copy = user.SessionCookie;
        await SessionTests.AssertAcceptedAsync(app, copy);

        await user.SignOutAsync();

        await SessionTests.AssertRefusedAsync(app, copy);
    }
}
