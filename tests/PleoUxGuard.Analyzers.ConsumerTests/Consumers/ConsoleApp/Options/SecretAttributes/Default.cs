namespace ConsoleConsumer.Options.SecretAttributes;

// pleouxguard.secret_attributes = Classified applies to Configured.cs only.
public static class Default
{
    public static void Print([Classified] string reading) => Console.WriteLine(reading);
}
