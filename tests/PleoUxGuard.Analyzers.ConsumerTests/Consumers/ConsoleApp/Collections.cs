namespace ConsoleConsumer;

// Collection expressions have operation kinds of their own in the compiler of a real build (Roslyn 4.9 and
// later), not in the Roslyn 4.8 the unit tests compile with: these lines check them where they differ.
public static class Collections
{
    public static void Print(string apiKey)
    {
        string[] keys = [apiKey, "x"];
        Console.WriteLine(string.Join(",", keys)); // expect PUX001
        string[] spread = [.. new[] { apiKey }, "x"];
        Console.WriteLine(string.Join(",", spread)); // expect PUX001
        string[] ending = ["x", apiKey[^4..]];
        Console.WriteLine(string.Join(",", ending));
    }
}
