namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>Every flow, in the order they are reported.</summary>
public static class FlowCatalogue
{
    public static readonly IReadOnlyList<Flow> All =
    [
        new ConnectValidFlow(),
        new InvalidKeyFlow(),
        new MissingPermissionFlow(),
        new RetryAfterFailureFlow(),
        new SlowValidationFlow(),
        new RotateSameCompanyFlow(),
        new RotateToBadKeyFlow(),
        new RevokeThenRecoverFlow(),
        new PermissionLostFlow(),
        new PleoOutageFlow(),
    ];

    /// <summary>The flows that can record a look of <paramref name="checkId"/>, in or beyond their own checks.</summary>
    public static IEnumerable<Flow> Recording(string checkId) => All.Where(flow => flow.Records(checkId));

    /// <summary>The flows to run for the given flow ids and check ids (both empty: all flows).</summary>
    /// <exception cref="ArgumentException">An id names no flow or check.</exception>
    public static IReadOnlyList<Flow> Select(IReadOnlyCollection<string>? flowIds, IReadOnlyCollection<string>? checkIds)
    {
        flowIds ??= [];
        checkIds ??= [];
        foreach (var id in flowIds.Where(id => All.All(flow => flow.Id != id)))
        {
            throw new ArgumentException($"There is no flow '{id}'. Flows: {string.Join(", ", All.Select(f => f.Id))}.");
        }

        foreach (var id in checkIds.Where(id => Checks.CheckCatalogue.Find(id) is null))
        {
            throw new ArgumentException($"There is no check '{id}'. Checks: {string.Join(", ", Checks.CheckCatalogue.All.Select(c => c.Id))}.");
        }

        if (flowIds.Count == 0 && checkIds.Count == 0)
        {
            return All;
        }

        return All.Where(flow => flowIds.Contains(flow.Id)
            || flow.Checks.Any(check => checkIds.Contains(check.Id, StringComparer.OrdinalIgnoreCase))).ToList();
    }
}
