namespace ConsoleConsumer.Options.GenericPhrases;

// pleouxguard.generic_phrases = the vault said no applies to Configured.cs only.
public static class Configured
{
    public static void ConnectToPleo(string companyId)
    {
        throw new InvalidOperationException("The vault said no."); // expect PUX010
    }
}
