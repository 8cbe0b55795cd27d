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
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment.Remove(PleoOptions.BaseUrlEnvironmentVariable);
        if (address is not null)
        {
            start.Environment[PleoOptions.BaseUrlEnvironmentVariable] = address;
        }

        start.Environment["Storage__DataDirectory"] = Path.Combine(Path.GetTempPath(), "pleo-ri-config-" + Guid.NewGuid().ToString("N"));
        start.Environment["Logging__LogLevel__Default"] = "None";

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single((await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("The reference integration cannot start: " + expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await output + line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_required_scopes_replace_the_defaults()
    {
        await using var pleo = await FakePleoServer.StartAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", Path.Combine(Path.GetTempPath(), "pleo-ri-config-" + Guid.NewGuid().ToString("N")));
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
        await using var pleo = await FakePleoServer.StartAsync();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "pleo-ri-config-" + Guid.NewGuid().ToString("N"));
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("Pleo:BaseUrl", "http://127.0.0.1:9/nothing-listens-here/");
            // Environment variables are configuration keys too; this is how PLEO_API_BASE_URL arrives.
            builder.UseSetting(PleoOptions.BaseUrlEnvironmentVariable, pleo.BaseUrl.ToString());
        });

        var options = factory.Services.GetRequiredService<IOptions<PleoOptions>>().Value;

        Assert.Equal(pleo.BaseUrl, options.BaseUrl);
    }
}
