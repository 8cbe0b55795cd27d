namespace ConsoleConsumer.Options.ConnectionExceptions;

// pleouxguard.connection_exceptions = ConsoleConsumer.Options.VaultException applies to Configured.cs only.
public static class Configured
{
    public static void Refresh(Action load)
    {
        try
        {
            load();
        }
        catch (VaultException)
        {
            throw new InvalidOperationException("Something went wrong."); // expect PUX010
        }
    }
}
