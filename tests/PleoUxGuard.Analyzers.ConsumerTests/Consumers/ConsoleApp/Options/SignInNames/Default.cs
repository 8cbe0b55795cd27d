namespace ConsoleConsumer.Options.SignInNames;

// pleouxguard.sign_in_names = unlock applies to Configured.cs only: UnlockPleoConnection becomes a sign-in flow.
public static class Default
{
    public static void UnlockPleoConnection(string companyId)
    {
        throw new InvalidOperationException("Something went wrong."); // expect PUX010
    }
}
