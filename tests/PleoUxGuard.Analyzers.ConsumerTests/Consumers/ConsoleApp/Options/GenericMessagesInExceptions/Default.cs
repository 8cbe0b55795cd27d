namespace ConsoleConsumer.Options.GenericMessagesInExceptions;

// pleouxguard.generic_messages_in_exceptions = false applies to Configured.cs only.
public sealed class DefaultPleoConnector
{
    public void ConnectToPleo(bool accepted)
    {
        if (!accepted)
        {
            throw new InvalidOperationException("Something went wrong."); // expect PUX010
        }
    }
}
