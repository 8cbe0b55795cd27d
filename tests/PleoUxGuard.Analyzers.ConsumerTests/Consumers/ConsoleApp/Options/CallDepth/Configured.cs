namespace ConsoleConsumer.Options.CallDepth;

// pleouxguard.call_depth = 0 applies to Configured.cs only: the key passed to Audit is not followed into it.
public static class Configured
{
    public static void Connect(string apiKey) => Audit(apiKey);

    private static void Audit(string value) => Console.WriteLine(value);
}
