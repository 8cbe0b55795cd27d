namespace ConsoleConsumer.Options.SanitizerMethods;

// pleouxguard.sanitizer_methods = Obscure applies to Configured.cs only.
public static class Default
{
    public static void Print(string apiKey)
    {
        var shown = apiKey.Obscure();
        Console.WriteLine(shown); // expect PUX001
    }
}
