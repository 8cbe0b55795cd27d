using System.Globalization;

namespace PleoUxGuard.Bench;

/// <summary>The command-line options of the small benches: <c>--name value</c> pairs of whole numbers.</summary>
internal static class BenchArguments
{
    /// <summary>
    /// The value after <paramref name="name"/>, or <paramref name="fallback"/> when the option is absent; -1 when
    /// it is present without a whole number after it, which the caller's range check turns into an error instead
    /// of quietly running with the default.
    /// </summary>
    public static int WholeNumberOr(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            return fallback;
        }

        return at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
    }
}
