namespace PleoUxGuard.ConformanceKit.Baselines;

/// <summary>The baseline file cannot be used: one line saying what to change in it. Exit code 2.</summary>
public sealed class BaselineException : Exception
{
    public BaselineException(string message)
        : base(message)
    {
    }

    public BaselineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
