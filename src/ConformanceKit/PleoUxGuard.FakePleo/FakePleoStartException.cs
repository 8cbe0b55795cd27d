namespace PleoUxGuard.FakePleo;

/// <summary>
/// The fake Pleo could not start (port in use, bad options). The message is written for the person
/// running it: what went wrong and what to do, with no stack trace needed.
/// </summary>
public sealed class FakePleoStartException : Exception
{
    public FakePleoStartException(string message)
        : base(message)
    {
    }

    public FakePleoStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
