using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>An operand that reaches a sink: what is passed, to which sink (as messages name it), of which kind.</summary>
internal readonly struct SinkOperand
{
    private readonly string? _sinkName;
    private readonly ISymbol? _sinkMember;

    public SinkOperand(IOperation operand, string sinkName, SinkKind kind)
    {
        Operand = operand;
        _sinkName = sinkName;
        _sinkMember = null;
        Kind = kind;
    }

    /// <summary>An operand of a sink member, named only when a message needs it (most operands carry no secret).</summary>
    public SinkOperand(IOperation operand, ISymbol sinkMember, SinkKind kind)
    {
        Operand = operand;
        _sinkName = null;
        _sinkMember = sinkMember;
        Kind = kind;
    }

    public IOperation Operand { get; }

    /// <summary><c>LogInformation</c>, <c>Console.WriteLine</c>, <c>new Uri</c>, <c>Headers[…]</c>.</summary>
    public string SinkName => _sinkName ?? SinkNames.Of(_sinkMember!);

    public SinkKind Kind { get; }
}
