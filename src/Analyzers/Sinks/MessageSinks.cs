using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// PUX002's sinks: every user-facing message place of <see cref="UserMessageSinks"/> (shared with the
/// message rules), plus <c>Exception.Data</c>, which error pages and loggers print alongside the message.
/// </summary>
internal sealed class MessageSinks : SinkTable
{
    [System.ThreadStatic]
    private static List<UserMessageSinkUse>? t_uses;

    private readonly UserMessageSinks _userMessages;
    private readonly INamedTypeSymbol? _exception;

    public MessageSinks(Compilation compilation)
        : base(compilation, SinkKind.Message, Enumerable.Empty<SinkSpec>())
    {
        _userMessages = UserMessageSinks.Create(compilation);
        _exception = compilation.FindType("System.Exception");
    }

    public override bool IsEmpty => false;

    public override bool MayTake(IMethodSymbol method) => method.Name == "Add" || _userMessages.MayFindIn(method);

    public override void Collect(IOperation operation, ISymbol owner, List<SinkOperand> operands)
    {
        var uses = t_uses ??= new List<UserMessageSinkUse>();
        uses.Clear();
        _userMessages.Find(operation, uses);
        foreach (var use in uses)
        {
            operands.Add(new SinkOperand(use.Value, use.SinkName, Kind));
        }

        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } assignment
                when IsExceptionData(indexer.Instance):
                operands.Add(new SinkOperand(assignment.Value, "Exception.Data", Kind));
                break;
            case IInvocationOperation { TargetMethod.Name: "Add" } invocation when IsExceptionData(invocation.Instance):
                AddAllArguments(invocation.Arguments, "Exception.Data.Add", operands);
                break;
        }
    }

    private bool IsExceptionData(IOperation? instance) =>
        instance is IPropertyReferenceOperation { Property.Name: "Data" } data
        && data.Property.ContainingType.DerivesFrom(_exception);
}
