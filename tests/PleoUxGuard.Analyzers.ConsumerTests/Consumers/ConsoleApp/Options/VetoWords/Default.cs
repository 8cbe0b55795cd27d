namespace ConsoleConsumer.Options.VetoWords;

// pleouxguard.veto_words = nonce applies to Configured.cs only; Default.cs is the same code without it.
public static class Default
{
    public static void Print(string tokenNonce) => Console.WriteLine(tokenNonce); // expect PUX001
}
