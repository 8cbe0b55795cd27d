namespace ConsoleConsumer.Options.ConnectionNames;

// pleouxguard.connection_names = vault applies to Configured.cs only: UnlockVault becomes connection code.
public static class Configured
{
    public static void UnlockVault(string companyId)
    {
        throw new InvalidOperationException("Something went wrong."); // expect PUX010
    }
}
