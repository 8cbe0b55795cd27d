namespace PleoUxGuard.ConformanceKit;

/// <summary>
/// Something outside the integration under test is missing or broken (no browser, a port in use).
/// The message is written for the user: it says what to install or change. Maps to exit code 3.
/// </summary>
public sealed class EnvironmentProblemException : Exception
{
    public EnvironmentProblemException(string message)
        : base(message)
    {
    }

    public EnvironmentProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
