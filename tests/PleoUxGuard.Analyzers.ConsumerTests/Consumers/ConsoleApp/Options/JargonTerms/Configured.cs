namespace ConsoleConsumer.Options.JargonTerms;

// pleouxguard.jargon_terms = grpc applies to Configured.cs only.
public sealed class ConfiguredViewModel
{
    public string? ErrorMessage { get; private set; }

    public void ConnectToPleo(bool accepted)
    {
        if (!accepted)
        {
            ErrorMessage = "Pleo rejected the API key over gRPC. Check the key and paste it again."; // expect PUX012
        }
    }
}
