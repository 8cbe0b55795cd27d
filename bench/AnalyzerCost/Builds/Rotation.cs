namespace PleoUxGuard.AnalyzerCost.Builds;

/// <summary>
/// The order the benches visit contenders in: every contender once per round, each round starting one
/// further along, so drift in the machine's load spreads over all of them instead of landing on one.
/// </summary>
internal static class Rotation
{
    /// <returns>(zero-based round, item) in visiting order.</returns>
    public static IEnumerable<(int Round, T Item)> Of<T>(IReadOnlyList<T> items, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            for (var index = 0; index < items.Count; index++)
            {
                yield return (round, items[(index + round) % items.Count]);
            }
        }
    }
}
