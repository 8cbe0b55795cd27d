namespace ConsoleConsumer.Options.ConsoleMessages;

// pleouxguard.console_messages = true applies to Configured.cs only: this project references no command-line parser,
// so by default its console is where logs go.
public static class DefaultConnectCommand
{
    public static int Run(bool accepted)
    {
        if (!accepted)
        {
            Console.Error.WriteLine("Something went wrong.");
            return 1;
        }

        return 0;
    }
}
