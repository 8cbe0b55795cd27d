namespace ConsoleConsumer.Options.AllowedJargonTerms;

// pleouxguard.allowed_jargon_terms = bearer applies to Configured.cs only.
public sealed class ConfiguredViewModel
{
    public string? ErrorMessage { get; private set; }

    public void ConnectToPleo(bool accepted)
    {
        if (!accepted)
        {
            ErrorMessage = "Pleo rejected the bearer key. Check the key and paste it again.";
        }
    }
}
