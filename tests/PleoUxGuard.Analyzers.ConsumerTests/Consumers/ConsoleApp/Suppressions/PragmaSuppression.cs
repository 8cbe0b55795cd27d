namespace ConsoleConsumer.Suppressions;

public static class PragmaSuppression
{
    public static void Print(string apiKey)
    {
#pragma warning disable PUX001 // A local diagnostics tool prints the fake key it was started with.
        Console.WriteLine(apiKey);
#pragma warning restore PUX001
        Console.WriteLine(apiKey); // expect PUX001
    }
}
