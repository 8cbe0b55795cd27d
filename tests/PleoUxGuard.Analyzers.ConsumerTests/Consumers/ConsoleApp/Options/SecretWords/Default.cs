namespace ConsoleConsumer.Options.SecretWords;

// pleouxguard.secret_words = pin applies to Configured.cs only; Default.cs is the same code without it.
public static class Default
{
    public static void Print(string cardPin) => Console.WriteLine(cardPin);
}
