using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PleoUxGuard.ReferenceIntegration.Tests.Support;

namespace PleoUxGuard.ReferenceIntegration.Tests;

public sealed class ScannedApp : ReferenceApp;

/// <summary>The secret scan the flow tests rely on finds what it is meant to find.</summary>
public sealed class SecretScanTests(ScannedApp app) : IClassFixture<ScannedApp>
{
    [Fact]
    public void It_captures_every_log_level_it_checks()
    {
        var logger = app.Factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Probe");
        logger.LogTrace("trace probe");

        Assert.Contains(app.Logs.GetSnapshot(), record => record is { Level: LogLevel.Trace, Message: "trace probe" });
        Assert.Contains(app.Logs.GetSnapshot(), record => record.Level == LogLevel.Debug && record.Category!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void It_finds_a_key_in_a_log_message_in_structured_state_and_in_a_scope()
    {
        var key = app.Pleo.Keys.MintValid();
        var logger = app.Factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Planted");

        Assert.Empty(SecretScan.FindLeaks(app, [(key.Fingerprint, key.Value)]));
        logger.LogTrace("{Value}", key.Value);
        using (logger.BeginScope(key.Value))
        {
            logger.LogDebug("inside a scope");
        }

        var leaks = SecretScan.FindLeaks(app, [(key.Fingerprint, key.Value)]);
        Assert.Equal(2, leaks.Count(leak => leak.Contains("log record of Planted", StringComparison.Ordinal)));
    }

    [Fact]
    public void It_finds_a_key_in_a_data_file_in_utf8_utf16_or_as_a_basic_header()
    {
        var forms = new Func<string, byte[]>[]
        {
            value => System.Text.Encoding.UTF8.GetBytes(value),
            value => System.Text.Encoding.Unicode.GetBytes(value),
            value => System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value + ":"))),
        };
        foreach (var form in forms)
        {
            var key = app.Pleo.Keys.MintValid();
            var planted = Path.Combine(app.DataDirectory, $"planted-{key.Id}.bin");
            File.WriteAllBytes(planted, [1, 2, .. form(key.Value), 3]);
            try
            {
                Assert.Contains(SecretScan.FindLeaks(app, [(key.Fingerprint, key.Value)]), leak => leak.Contains("planted", StringComparison.Ordinal));
            }
            finally
            {
                File.Delete(planted);
            }
        }
    }

    [Fact]
    public void It_finds_a_key_in_a_page_sent_to_the_browser()
    {
        var key = app.Pleo.Keys.MintValid();

        app.Remember($"<input value=\"{key.Value}\">");

        Assert.Contains(SecretScan.FindLeaks(app, [(key.Fingerprint, key.Value)]), leak => leak.Contains("page sent to the browser", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_gone_between_listing_and_reading_makes_it_read_the_whole_folder_again()
    {
        using var temporary = new TemporaryFolder("secret-scan-");
        var folder = temporary.FullPath;
        File.WriteAllText(Path.Combine(folder, "app.db"), "database");
        File.WriteAllText(Path.Combine(folder, "app.db-wal"), "log");
        var reads = new List<string>();
        var vanished = false;
        byte[] Read(string path)
        {
            reads.Add(Path.GetFileName(path));
            if (!vanished && path.EndsWith("-wal", StringComparison.Ordinal))
            {
                // What SQLite does when its last connection closes: the log's pages go into the database, the log goes.
                vanished = true;
                File.WriteAllText(Path.Combine(folder, "app.db"), "database and log");
                File.Delete(path);
                throw new FileNotFoundException("gone", path);
            }

            return File.ReadAllBytes(path);
        }

        var files = SecretScan.ReadAll(folder, Read);

        var database = Assert.Single(files);
        Assert.Equal("database and log", System.Text.Encoding.UTF8.GetString(database.Bytes));
        Assert.Equal(2, reads.Count(name => name == "app.db"));
    }

    [Fact]
    public void A_folder_that_never_holds_still_fails_the_scan_rather_than_skipping_files()
    {
        using var temporary = new TemporaryFolder("secret-scan-");
        var folder = temporary.FullPath;
        File.WriteAllText(Path.Combine(folder, "app.db-shm"), "index");
        Assert.Throws<FileNotFoundException>(() => SecretScan.ReadAll(folder, path => throw new FileNotFoundException("gone", path)));
    }
}
