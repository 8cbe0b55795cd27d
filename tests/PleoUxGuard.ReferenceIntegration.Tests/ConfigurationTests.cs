using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PleoUxGuard.FakePleo;
using PleoUxGuard.ReferenceIntegration.Hosting;
using PleoUxGuard.ReferenceIntegration.Pleo;
using PleoUxGuard.ReferenceIntegration.Tests.Support;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Tests;

/// <summary>Where the Pleo base URL comes from, and what happens without one.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void Validation_failures_collected_at_start_read_as_one_sentence_each()
    {
        var failure = new AggregateException(
            new OptionsValidationException("Pleo", typeof(PleoOptions), ["Set PLEO_API_BASE_URL."]),
            new AggregateException(new OptionsValidationException("Pleo", typeof(PleoOptions), ["Set PLEO_API_BASE_URL."])));

        Assert.Equal("Set PLEO_API_BASE_URL.", StartupProblem.Describe(failure));
        Assert.Null(StartupProblem.Describe(new InvalidOperationException("something else")));
    }

    public static TheoryData<string?, string> BadPleoAddresses => new()
    {
        { null, "No Pleo API base URL is configured." },
        { "external.staging.pleo.io", "The environment variable PLEO_API_BASE_URL is set but is not an absolute http or https URL" },
        { "http://external.staging.pleo.io", "Pleo's API is reached over HTTPS only" },
    };

    [Theory]
    [MemberData(nameof(BadPleoAddresses))]
    public async Task Started_as_the_kit_starts_it_but_without_a_usable_pleo_url_it_exits_with_one_clear_line(string? address, string expected)
    {
        using var folder = new TemporaryFolder("pleo-ri-config-");
        await AssertStartFailsWithOneLineAsync(
            new Dictionary<string, string?>
            {
                [PleoOptions.BaseUrlEnvironmentVariable] = address,
                ["Storage__DataDirectory"] = folder.Inside("data"),
            },
            expected);

        Assert.False(Directory.Exists(folder.Inside("data")), "a start refused for its settings wrote the data folder");
    }

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Monitor__Interval", "-00:00:05", "The setting Monitor:Interval must be more than zero" },
        { "Monitor__Interval", "00:00:00", "The setting Monitor:Interval must be more than zero" },
        { "Monitor__Interval", "often", "The setting Monitor:Interval is 'often', which is not a time span such as 00:00:10." },
        { "ConnectAttempts__PermitLimit", "lots", "The setting ConnectAttempts:PermitLimit is 'lots', which is not a whole number." },
        { "Monitor__PageRecheckAfter", "-00:00:01", "The setting Monitor:PageRecheckAfter must not be negative" },
        { "Monitor__PageRecheckTimeout", "00:00:00", "The setting Monitor:PageRecheckTimeout must be more than zero and at most 00:01:00 (default 00:00:03)." },
        { "ConnectAttempts__PermitLimit", "0", "The setting ConnectAttempts:PermitLimit must be a whole number of at least 1" },
        { "ConnectAttempts__Window", "00:00:00", "The setting ConnectAttempts:Window must be more than zero" },
        { "SignInAttempts__PermitLimit", "0", "The setting SignInAttempts:PermitLimit must be a whole number of at least 1 (default 5)." },
        { "SignInAttempts__Window", "-00:01:00", "The setting SignInAttempts:Window must be more than zero (default 00:05:00)." },
        // Our sentence alone: the resilience pipeline's total timeout, derived from it, is never judged first.
        { "Pleo__AttemptTimeout", "-00:00:10", "The setting Pleo:AttemptTimeout must be more than zero and at most 00:05:00 (default 00:00:10)." },
        { "Pleo__RetryDelay", "-00:00:01", "The setting Pleo:RetryDelay must be between" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_setting_out_of_its_range_or_of_the_wrong_kind_stops_the_start_with_one_line(string name, string value, string expected)
    {
        using var folder = new TemporaryFolder("pleo-ri-config-");
        await AssertStartFailsWithOneLineAsync(
            new Dictionary<string, string?> { [name] = value, ["Storage__DataDirectory"] = folder.Inside("data") },
            expected,
            wholeLine: expected.EndsWith('.'));

        Assert.False(Directory.Exists(folder.Inside("data")), "a start refused for its settings wrote the data folder");
    }

    [Theory]
    [InlineData("not-a-url")]
    [InlineData("ftp://pleo.example/")]
    public async Task A_pleo_base_url_setting_that_is_not_an_http_address_is_named_as_such(string value)
    {
        using var folder = new TemporaryFolder("pleo-ri-config-");
        await AssertStartFailsWithOneLineAsync(
            new Dictionary<string, string?>
            {
                [PleoOptions.BaseUrlEnvironmentVariable] = null,
                ["Pleo__BaseUrl"] = value,
                ["Storage__DataDirectory"] = folder.Inside("data"),
            },
            "The setting Pleo:BaseUrl is not an absolute http or https URL");
    }

    [Fact]
    public async Task Storage_that_cannot_be_used_stops_the_start_with_one_line_and_leaves_the_database_as_it_was()
    {
        using var folder = new TemporaryFolder("pleo-ri-storage-");
        File.WriteAllText(folder.Inside("a-file"), "not a folder");
        await AssertStartFailsWithOneLineAsync(
            new Dictionary<string, string?> { ["Storage__DataDirectory"] = folder.Inside("a-file") },
            "The data folder " + folder.Inside("a-file") + " cannot be created");
        await AssertStartFailsWithOneLineAsync(
            new Dictionary<string, string?> { ["Storage__DataDirectory"] = folder.Inside("data"), ["Storage__KeyRingDirectory"] = folder.Inside("a-file/ring") },
            "The key ring folder " + folder.Inside("a-file/ring") + " cannot be written");

        Directory.CreateDirectory(folder.Inside("broken"));
        var database = Path.Combine(folder.Inside("broken"), "reference-integration.db");
        var garbage = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("not a database ", 300)));
        File.WriteAllBytes(database, garbage);
        await AssertStartFailsWithOneLineAsync(
            new Dictionary<string, string?> { ["Storage__DataDirectory"] = folder.Inside("broken") },
            $"The database {database} cannot be used (SQLite Error 26");
        Assert.Equal(garbage, File.ReadAllBytes(database));
    }

    [Fact]
    public async Task A_port_already_in_use_stops_the_start_with_one_line()
    {
        using var folder = new TemporaryFolder("pleo-ri-config-");
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;

        // The database is migrated before the server binds, so the log has its ordinary lines; no error entry, though.
        await AssertStartFailsWithOneLineAsync(
            new Dictionary<string, string?> { ["Storage__DataDirectory"] = folder.Inside("data") },
            $"Failed to bind to address http://127.0.0.1:{port}: address already in use.",
            port: port,
            startedLogging: true);
    }

    [Theory]
    [InlineData("http://127.0.0.1:99999", "A port in --urls (or ASPNETCORE_URLS) is out of range")]
    [InlineData("nonsense", "An address in --urls (or ASPNETCORE_URLS) cannot be read (Invalid url: 'nonsense')")]
    public async Task An_address_to_listen_on_that_cannot_be_used_stops_the_start_with_one_line(string urls, string expected)
    {
        using var folder = new TemporaryFolder("pleo-ri-config-");
        await AssertStartFailsWithOneLineAsync(
            new Dictionary<string, string?> { ["Storage__DataDirectory"] = folder.Inside("data") }, expected, startedLogging: true, urls: urls);
    }

    [Fact]
    public async Task Configured_required_scopes_replace_the_defaults()
    {
        using var folder = new TemporaryFolder("pleo-ri-config-");
        await using var pleo = await FakePleoServer.StartAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", folder.FullPath);
            builder.UseSetting(PleoOptions.BaseUrlEnvironmentVariable, pleo.BaseUrl.ToString());
            builder.UseSetting("Pleo:RequiredScopes:0", "export-jobs:read");
        });

        var options = factory.Services.GetRequiredService<IOptions<PleoOptions>>().Value;

        Assert.Equal(["export-jobs:read"], options.RequiredScopes);
        Assert.Equal(5, new PleoOptions().RequiredScopes.Length);
    }

    [Fact]
    public async Task The_kits_environment_variable_wins_over_the_setting()
    {
        using var folder = new TemporaryFolder("pleo-ri-config-");
        await using var pleo = await FakePleoServer.StartAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", folder.FullPath);
            builder.UseSetting("Pleo:BaseUrl", "http://127.0.0.1:9/nothing-listens-here/");
            // Environment variables are configuration keys too; this is how PLEO_API_BASE_URL arrives.
            builder.UseSetting(PleoOptions.BaseUrlEnvironmentVariable, pleo.BaseUrl.ToString());
        });

        var options = factory.Services.GetRequiredService<IOptions<PleoOptions>>().Value;

        Assert.Equal(pleo.BaseUrl, options.BaseUrl);
    }

    /// <summary>R-SEC-1: with a certificate configured, the key ring that decrypts the stored API keys is itself encrypted at rest.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task With_a_certificate_the_key_ring_is_encrypted_at_rest(bool withCertificate)
    {
        using var folder = new TemporaryFolder("pleo-ri-keyring-");
        var environment = new Dictionary<string, string?> { ["Storage__DataDirectory"] = folder.FullPath };
        if (withCertificate)
        {
            (environment["Storage__KeyRingCertificatePath"], environment["Storage__KeyRingCertificatePassword"]) = WriteCertificate(folder.FullPath);
        }

        await using (var app = await StartedApp.StartAsync(environment))
        {
            // The sign-up form's antiforgery token is the first thing Data Protection protects: the ring gets its key.
            using var form = await app.Client.GetAsync(new Uri("/Account/Register", UriKind.Relative));
            form.EnsureSuccessStatusCode();
        }

        var ring = string.Concat(Directory.GetFiles(folder.Inside("key-ring"), "*.xml").Select(File.ReadAllText));
        Assert.Contains("<key ", ring, StringComparison.Ordinal);
        Assert.Equal(withCertificate, ring.Contains("encryptedSecret", StringComparison.Ordinal));
        Assert.Equal(!withCertificate, ring.Contains("unencrypted form", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_key_ring_can_live_apart_from_the_database()
    {
        using var folder = new TemporaryFolder("pleo-ri-storage-");
        await using var pleo = await FakePleoServer.StartAsync();
        var data = folder.Inside("data");
        var ring = folder.Inside("ring");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", data);
            builder.UseSetting("Storage:KeyRingDirectory", ring);
            builder.UseSetting(PleoOptions.BaseUrlEnvironmentVariable, pleo.BaseUrl.ToString());
        });

        factory.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("test").Protect([1, 2, 3]);

        Assert.NotEmpty(Directory.GetFiles(ring, "key-*.xml"));
        Assert.False(Directory.Exists(Path.Combine(data, "key-ring")));
        if (!OperatingSystem.IsWindows())
        {
            // Created by the app, both are its user's alone: the database's and the ring's files inherit nothing else.
            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Assert.Equal((ownerOnly, ownerOnly), (File.GetUnixFileMode(data), File.GetUnixFileMode(ring)));
        }
    }

    [Fact]
    public async Task A_key_ring_certificate_that_cannot_be_read_stops_the_start_with_one_line()
    {
        using var folder = new TemporaryFolder("pleo-ri-keyring-");
        var (path, _) = WriteCertificate(folder.FullPath);
        await AssertStartFailsWithOneLineAsync(
            new Dictionary<string, string?>
            {
                ["Storage__DataDirectory"] = folder.Inside("data"),
                ["Storage__KeyRingCertificatePath"] = path,
                ["Storage__KeyRingCertificatePassword"] = "not-the-password",
            },
            "Storage:KeyRingCertificatePath (");

        Assert.False(Directory.Exists(folder.Inside("data")), "a start refused for its settings wrote the data folder");
    }

    /// <summary>A throwaway self-signed certificate with a generated password, written as a .pfx into the folder.</summary>
    private static (string Path, string Password) WriteCertificate(string folder)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=PleoUxGuard test key ring", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(folder, "key-ring.pfx");
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, password));
        return (path, password);
    }

    /// <summary>
    /// Starts the app as the kit does with <paramref name="environment"/> and the app's own logging settings; it must
    /// exit with code 2 and print one line starting with <paramref name="expected"/> (the whole line when
    /// <paramref name="wholeLine"/>) and nothing else; when the start got as far as <paramref name="startedLogging"/>,
    /// the log may have its ordinary lines but no error entry and no stack trace.
    /// </summary>
    private static async Task AssertStartFailsWithOneLineAsync(
        IReadOnlyDictionary<string, string?> environment, string expected, bool wholeLine = false, int port = 0, bool startedLogging = false, string? urls = null)
    {
        using var process = Process.Start(AppProcess(environment, urls ?? $"http://127.0.0.1:{port}"))!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single((await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        if (wholeLine)
        {
            Assert.Equal("The reference integration cannot start: " + expected, line);
        }
        else
        {
            Assert.StartsWith("The reference integration cannot start: " + expected, line, StringComparison.Ordinal);
        }

        if (startedLogging)
        {
            Assert.DoesNotContain("fail:", await output, StringComparison.Ordinal);
            Assert.DoesNotContain("crit:", await output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", await output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(string.Empty, (await output).Trim());
        }
    }

    /// <summary>The app's process as the kit starts it; a null value removes that variable.</summary>
    private static ProcessStartInfo AppProcess(IReadOnlyDictionary<string, string?> environment, string urls)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", urls])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment[PleoOptions.BaseUrlEnvironmentVariable] = "http://127.0.0.1:9/";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    /// <summary>The app started as a process of its own, as the kit starts it, on a free port; stopped when disposed.</summary>
    private sealed class StartedApp : IAsyncDisposable
    {
        private const string ListeningOn = "Now listening on: ";

        private readonly Process _process;
        private HttpClient? _client;

        private StartedApp(Process process)
        {
            _process = process;
        }

        public HttpClient Client => _client ?? throw new InvalidOperationException("The app has not started.");

        public static async Task<StartedApp> StartAsync(IReadOnlyDictionary<string, string?> environment)
        {
            // Port 0: the app binds a port the system picks and prints it. A port found free here and handed to the
            // app could be taken in the seconds the app takes to start (a parallel fixture's fake Pleo binds port 0 too).
            // The host says "Application started" once every start-up service ran (the database is migrated):
            // waited for as it is printed, not polled for; the address it listens on is printed before that.
            var start = AppProcess(new Dictionary<string, string?>(environment) { ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information" }, "http://127.0.0.1:0");
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, line) =>
            {
                var at = line.Data?.IndexOf(ListeningOn, StringComparison.Ordinal) ?? -1;
                if (at >= 0)
                {
                    listening.TrySetResult(new Uri(line.Data![(at + ListeningOn.Length)..].Trim()));
                }
                else if (line.Data?.Contains("Application started", StringComparison.Ordinal) == true)
                {
                    started.TrySetResult();
                }
            };
            process.Exited += (_, _) =>
            {
                var problem = new InvalidOperationException($"The app exited with code {process.ExitCode} before it started.");
                listening.TrySetException(problem);
                started.TrySetException(problem);
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var app = new StartedApp(process);
            try
            {
                await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
                app._client = new HttpClient { BaseAddress = await listening.Task.WaitAsync(TimeSpan.Zero) };
                return app;
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            _client?.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
