using System.Diagnostics.CodeAnalysis;

namespace ConsoleConsumer.Suppressions;

public static class AttributeSuppression
{
    [SuppressMessage("Security", "PUX001:Secret written to a log or diagnostic output", Justification = "A local diagnostics tool prints the fake key it was started with.")]
    public static void PrintSuppressed(string apiKey) => Console.WriteLine(apiKey);

    public static void PrintUnsuppressed(string apiKey) => Console.WriteLine(apiKey); // expect PUX001
}
