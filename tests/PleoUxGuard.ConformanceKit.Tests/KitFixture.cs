using PleoUxGuard.ConformanceKit.Profile;
using PleoUxGuard.ConformanceKit.Findings;
using PleoUxGuard.ConformanceKit.Running;
using PleoUxGuard.ConformanceKit.Tests.Fixtures;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>
/// One browser, one fake Pleo and one broken-integration fixture for every conformance test. The tests of
/// the collection run one after another because the outage flow turns the fake's outage on for everyone.
/// </summary>
public sealed class KitFixture : IAsyncLifetime
{
    public KitEnvironment Environment { get; private set; } = null!;

    public BrokenIntegration Integration { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment = await KitEnvironment.StartAsync();
        Integration = await BrokenIntegration.StartAsync(Environment.Pleo.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await Integration.DisposeAsync();
        await Environment.DisposeAsync();
    }

    /// <summary>A profile for the fixture whose tenants get <paramref name="faults"/>, loaded through the real loader.</summary>
    public ConformanceProfile ProfileWith(IEnumerable<string> faults, double stepSeconds = 4, string? extraLocators = null)
    {
        var json = $$"""
            {
              "name": "broken-integration",
              "baseUrl": "{{Integration.BaseUrl.ToString().TrimEnd('/')}}",
              "connectionPage": "/connect",
              "signIn": {
                "steps": [
                  { "goto": "/login?tenant={uniqueName}&faults={{string.Join(',', faults)}}" },
                  { "waitForUrl": "**/connect" }
                ]
              },
              "locators": { {{extraLocators ?? string.Empty}} },
              "timeouts": { "stepSeconds": {{stepSeconds}}, "validationSeconds": {{stepSeconds}} }
            }
            """;
        return ProfileLoader.Parse(json, "fixture-profile.json", AppContext.BaseDirectory);
    }

    public Task<RunResult> RunAsync(ConformanceProfile profile, params string[] flows) =>
        ConformanceRunner.RunAsync(profile, Environment, new RunOptions { Flows = flows, MaxParallelFlows = 4 });
}

[CollectionDefinition(Name)]
public sealed class KitCollection : ICollectionFixture<KitFixture>
{
    public const string Name = "conformance kit";
}
