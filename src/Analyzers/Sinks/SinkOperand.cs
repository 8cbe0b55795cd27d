using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>An operand that reaches a sink: what is passed, to which sink (as messages name it), of which kind.</summary>
internal readonly struct SinkOperand
{
    private readonly string? _sinkName;
    private readonly ISymbol? _sinkMember;

    public SinkOperand(IOperation operand, string sinkName, SinkKind kind)
        : this(operand, sinkName, null, kind, writtenAsJson: false)
    {
    }

    /// <summary>An operand of a sink member, named only when a message needs it (most operands carry no secret).</summary>
    public SinkOperand(IOperation operand, ISymbol sinkMember, SinkKind kind)
        : this(operand, null, sinkMember, kind, writtenAsJson: false)
    {
    }

    private SinkOperand(IOperation operand, string? sinkName, ISymbol? sinkMember, SinkKind kind, bool writtenAsJson)
    {
        Operand = operand;
        _sinkName = sinkName;
        _sinkMember = sinkMember;
        Kind = kind;
        WrittenAsJson = writtenAsJson;
    }

    public IOperation Operand { get; }

    /// <summary><c>LogInformation</c>, <c>Console.WriteLine</c>, <c>new Uri</c>, <c>Headers[…]</c>.</summary>
    public string SinkName => _sinkName ?? SinkNames.Of(_sinkMember!);

    public SinkKind Kind { get; }

    /// <summary>The sink writes the operand as JSON: a member a <c>[JsonIgnore]</c> hides does not reach it.</summary>
    public bool WrittenAsJson { get; }

    public SinkOperand AsJson() => new(Operand, _sinkName, _sinkMember, Kind, writtenAsJson: true);
}
