using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>A secret that reaches a sink, directly or through calls into the same compilation.</summary>
internal readonly struct Finding
{
    public Finding(SecretHit hit, string sinkName, SinkKind kind, bool isPartial)
    {
        Hit = hit;
        SinkName = sinkName;
        Kind = kind;
        IsPartial = isPartial;
    }

    public SecretHit Hit { get; }

    /// <summary><c>ILogger.LogInformation</c>, or through calls: <c>Audit → ILogger.LogInformation</c>.</summary>
    public string SinkName { get; }

    public SinkKind Kind { get; }

    /// <summary>A slice beyond the last four characters reaches the sink (PUX005), not the whole secret.</summary>
    public bool IsPartial { get; }
}
