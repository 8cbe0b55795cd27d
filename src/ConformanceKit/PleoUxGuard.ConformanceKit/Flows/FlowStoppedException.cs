namespace PleoUxGuard.ConformanceKit.Flows;

/// <summary>A flow cannot go on (its prerequisite step failed); the checks it had not judged yet are skipped.</summary>
public sealed class FlowStoppedException : Exception
{
    public FlowStoppedException(string message)
        : base(message)
    {
    }

    public FlowStoppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
