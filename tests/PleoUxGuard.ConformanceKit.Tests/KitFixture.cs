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
    /// <param name="validationSeconds">timeouts.validationSeconds; the step timeout when null.</param>
    public ConformanceProfile ProfileWith(IEnumerable<string> faults, double stepSeconds = 4, string? extraLocators = null, string connectionPage = "/connect", double? validationSeconds = null)
    {
        var json = $$"""
            {
              "name": "broken-integration",
              "baseUrl": "{{Integration.BaseUrl.ToString().TrimEnd('/')}}",
              "connectionPage": "{{connectionPage}}",
              "signIn": {
                "steps": [
                  { "goto": "/login?tenant={uniqueName}&faults={{string.Join(',', faults)}}" },
                  { "waitForUrl": "**/connect" }
                ]
              },
              "locators": { {{extraLocators ?? string.Empty}} },
              "timeouts": { "stepSeconds": {{stepSeconds}}, "validationSeconds": {{validationSeconds ?? stepSeconds}} }
            }
            """;
        return ProfileLoader.Parse(json, "fixture-profile.json", AppContext.BaseDirectory);
    }

    public Task<RunResult> RunAsync(ConformanceProfile profile, params string[] flows) =>
        ConformanceRunner.RunAsync(profile, Environment, new RunOptions { Flows = flows, MaxParallelFlows = 4 });

    private readonly Lock _batchLock = new();
    private Task<IReadOnlyDictionary<string, RunResult>>? _batch;

    /// <summary>
    /// Runs every fault case once, several at a time (the waits for what a broken page never shows
    /// overlap), and hands each test its result. The first test to ask waits for the whole batch, so no
    /// run outlives it and meets another test's outage.
    /// </summary>
    public Task<IReadOnlyDictionary<string, RunResult>> RunBatchOnceAsync(Func<IReadOnlyList<FaultRun>> runs)
    {
        lock (_batchLock)
        {
            return _batch ??= RunBatchAsync(runs());
        }
    }

    private async Task<IReadOnlyDictionary<string, RunResult>> RunBatchAsync(IReadOnlyList<FaultRun> runs)
    {
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, RunResult>();
        using var gate = new SemaphoreSlim(3);
        await Task.WhenAll(runs.Where(run => !run.NeedsPleoToItself).Select(async run =>
        {
            await gate.WaitAsync();
            try
            {
                results[run.Key] = await RunAsync(run.Profile, run.Flows);
            }
            finally
            {
                gate.Release();
            }
        }));

        // The outage flow turns the fake's outage on for everyone: alone, after the rest.
        foreach (var run in runs.Where(run => run.NeedsPleoToItself))
        {
            results[run.Key] = await RunAsync(run.Profile, run.Flows);
        }

        return results;
    }
}

/// <summary>One fault case: its key, the profile (with the fault switched on) and the flows its check needs.</summary>
public sealed record FaultRun(string Key, ConformanceProfile Profile, string[] Flows)
{
    public bool NeedsPleoToItself => Flows.Contains("pleo-outage");
}

[CollectionDefinition(Name)]
public sealed class KitCollection : ICollectionFixture<KitFixture>
{
    public const string Name = "conformance kit";
}
