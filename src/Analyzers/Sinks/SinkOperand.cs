using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>An operand that reaches a sink: what is passed, to which sink (as messages name it), of which kind.</summary>
internal readonly struct SinkOperand
{
    public SinkOperand(IOperation operand, string sinkName, SinkKind kind)
    {
        Operand = operand;
        SinkName = sinkName;
        Kind = kind;
    }

    public IOperation Operand { get; }

    /// <summary><c>LogInformation</c>, <c>Console.WriteLine</c>, <c>new Uri</c>, <c>Headers[…]</c>.</summary>
    public string SinkName { get; }

    public SinkKind Kind { get; }
}
