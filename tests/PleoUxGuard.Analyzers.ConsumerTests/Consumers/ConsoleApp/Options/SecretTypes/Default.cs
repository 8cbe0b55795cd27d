namespace ConsoleConsumer.Options.SecretTypes;

// pleouxguard.secret_types = ConsoleConsumer.Options.VaultValue applies to Configured.cs only.
public static class Default
{
    public static void Print(VaultValue reading) => Console.WriteLine(reading);
}
