namespace ConsoleConsumer.Options.RecoveryCues;

// pleouxguard.recovery_cues = ring the helpdesk applies to Configured.cs only.
public sealed class ConfiguredViewModel
{
    public string? ErrorMessage { get; private set; }

    public void ConnectToPleo(bool accepted)
    {
        if (!accepted)
        {
            ErrorMessage = "Pleo rejected the API key. Ring the helpdesk.";
        }
    }
}
