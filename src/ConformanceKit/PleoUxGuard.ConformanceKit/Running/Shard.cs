using System.Globalization;
using PleoUxGuard.ConformanceKit.Flows;

namespace PleoUxGuard.ConformanceKit.Running;

/// <summary>
/// One of <see cref="Count"/> parts of the selected flows, for CI machines that each run a part
/// (<c>--shard 2/3</c>). Flows are dealt round-robin in catalogue order, so every machine gets the same
/// split; the parts' results.json files merge into one report (<c>pleo-uxguard merge</c>).
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>Parses "i/n" with 1 ≤ i ≤ n.</summary>
    /// <exception cref="ArgumentException">Not of that form; the message says what to write.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }

        throw new ArgumentException($"--shard must be i/n with 1 <= i <= n, e.g. --shard 2/3 for the second of three machines; \"{text}\" is not.");
    }

    /// <summary>This shard's flows out of <paramref name="flows"/>.</summary>
    public IReadOnlyList<Flow> Apply(IReadOnlyList<Flow> flows)
    {
        var index = Index;
        var count = Count;
        return flows.Where((_, position) => position % count == index - 1).ToList();
    }

    public override string ToString() => $"{Index}/{Count}";
}
