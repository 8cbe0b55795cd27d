namespace ConsoleConsumer.Misconfigured;

// .editorconfig gives this folder a misspelt option and an out-of-range one; the leak is still reported.
public static class MisconfiguredFolder
{
    public static void Print(string apiKey) => Console.WriteLine(apiKey); // expect PUX001
}
