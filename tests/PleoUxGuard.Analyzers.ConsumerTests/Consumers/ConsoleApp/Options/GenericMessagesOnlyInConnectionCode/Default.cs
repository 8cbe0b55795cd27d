namespace ConsoleConsumer.Options.GenericMessagesOnlyInConnectionCode;

// pleouxguard.generic_messages_only_in_connection_code = true applies to Configured.cs only.
public sealed class DefaultViewModel
{
    public string? ErrorMessage { get; private set; }

    public void RefreshReport()
    {
        ErrorMessage = "Something went wrong."; // expect PUX010
    }
}
