using System.Net;
using Microsoft.Extensions.Logging;
using PleoUxGuard.ReferenceIntegration.Connections;
using PleoUxGuard.ReferenceIntegration.Tests.Support;
using PleoUxGuard.Shared;

namespace PleoUxGuard.ReferenceIntegration.Tests;

/// <summary>
/// An app that fails a submission after its key was saved: writing the log entry that says so throws, as a broken log
/// sink would. The request ends on the error page with the connection already changed.
/// </summary>
public sealed class FailingAfterSaveApp : ReferenceApp
{
    protected override void ConfigureLogging(ILoggingBuilder logging) => logging.AddProvider(new FailsOnConnected());

    private sealed class FailsOnConnected : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(string categoryName) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (categoryName == typeof(PleoConnectionService).FullName && formatter(state, exception).Contains("connected to Pleo company", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("The log sink is broken.");
                }
            }
        }
    }
}

/// <summary>The error page says only what it knows: not whether anything was saved, and where to look.</summary>
public sealed class ErrorPageTests(FailingAfterSaveApp app) : IClassFixture<FailingAfterSaveApp>
{
    [Fact]
    public async Task A_request_that_fails_after_saving_does_not_claim_nothing_was_saved_and_points_to_the_connection()
    {
        using var workspace = await app.SignUpAsync();
        var key = app.Pleo.Keys.MintValid();

        var page = await workspace.SubmitKeyAsync(key);

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var text = page.Document.QuerySelector("main")!.TextContent;
        Assert.Contains("could not be shown", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?i)nothing (you entered )?was saved|was not saved|not been saved|has not changed|is unchanged", text);
        Assert.Contains("cannot tell whether anything you submitted was saved", text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"main a[href='{Workspace.ConnectionPath}']"));

        // What the page sends the user to check: the key was saved after all.
        var connection = await workspace.OpenConnectionPageAsync();
        Assert.Equal(ConnectionStateLabels.Connected, connection.Status);
        Assert.Equal("••••" + key.LastFour, connection.MaskedKey);
        SecretScan.AssertNoKeyLeaked(app);
    }
}
