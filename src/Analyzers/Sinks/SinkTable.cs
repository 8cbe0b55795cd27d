using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// A family of sinks resolved against one compilation from <see cref="SinkSpec"/> lines: method calls,
/// constructors and property setters. Subclasses add what a table cannot say (receivers, delegates).
/// </summary>
internal abstract class SinkTable
{
    private readonly Dictionary<INamedTypeSymbol, List<SinkSpec>> _specs = new(ReferenceComparer<INamedTypeSymbol>.Instance);

    protected SinkTable(Compilation compilation, SinkKind kind, IEnumerable<SinkSpec> specs)
    {
        Kind = kind;
        foreach (var spec in specs)
        {
            var type = compilation.FindType(spec.TypeName);
            if (type is null)
            {
                continue;
            }

            if (!_specs.TryGetValue(type, out var list))
            {
                list = new List<SinkSpec>(1);
                _specs.Add(type, list);
            }

            list.Add(spec);
        }
    }

    public SinkKind Kind { get; }

    /// <summary>Whether a rule watching <paramref name="kinds"/> needs this table.</summary>
    public virtual bool Serves(SinkKindSet kinds) => kinds.Contains(Kind);

    /// <summary>No sink type is referenced: rules skip the compilation.</summary>
    public virtual bool IsEmpty => _specs.Count == 0;

    /// <summary>Adds the operands of <paramref name="operation"/>, in the body of <paramref name="owner"/>, that reach a sink of this table.</summary>
    public virtual void Collect(IOperation operation, ISymbol owner, List<SinkOperand> operands)
    {
        switch (operation)
        {
            case IInvocationOperation invocation when Find(invocation.TargetMethod.ContainingType, invocation.TargetMethod.Name) is { } spec:
                AddArguments(invocation.Arguments, spec, invocation.TargetMethod, operands);
                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation when Find(constructor.ContainingType, SinkSpec.Constructor) is { } spec:
                AddArguments(creation.Arguments, spec, constructor, operands);
                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                when Find(property.Property.ContainingType, property.Property.Name) is not null:
                operands.Add(new SinkOperand(assignment.Value, property.Property, Kind));
                break;
        }
    }

    /// <summary>
    /// Whether a call of <paramref name="method"/> (a definition: no type arguments), or an object created with it
    /// when it is a constructor, can ever give this table an operand, whatever its receiver and arguments. Errs
    /// towards yes: a no skips the table for every such call or creation.
    /// </summary>
    public virtual bool MayTake(IMethodSymbol method) => Find(method.ContainingType, method.Name) is not null;

    protected SinkSpec? Find(INamedTypeSymbol? type, string member)
    {
        if (type is null || _specs.Count == 0)
        {
            return null;
        }

        if (!_specs.TryGetValue(type.OriginalDefinition, out var specs))
        {
            return null;
        }

        foreach (var spec in specs)
        {
            if (spec.MatchesMember(member))
            {
                return spec;
            }
        }

        return null;
    }

    protected void AddArguments(ImmutableArray<IArgumentOperation> arguments, SinkSpec spec, ISymbol sink, List<SinkOperand> operands)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter
                && spec.MatchesParameter(parameter.Name)
                && FlowTypes.CanCarry(parameter.Type)
                && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                operands.Add(new SinkOperand(argument.Value, sink, Kind));
            }
        }
    }

    /// <summary>
    /// Adds the arguments given to the parameters <paramref name="takes"/> accepts, whatever their type (a generic message, an
    /// <c>object</c> body): for sinks a spec cannot name (a library found by its namespace, every subclass of a result type).
    /// </summary>
    protected void AddArguments(ImmutableArray<IArgumentOperation> arguments, System.Func<IParameterSymbol, bool> takes, ISymbol sink, List<SinkOperand> operands)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue && takes(parameter))
            {
                operands.Add(new SinkOperand(argument.Value, sink, Kind));
            }
        }
    }

    protected void AddAllArguments(ImmutableArray<IArgumentOperation> arguments, string sinkName, List<SinkOperand> operands)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && FlowTypes.CanCarry(parameter.Type) && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                operands.Add(new SinkOperand(argument.Value, sinkName, Kind));
            }
        }
    }
}
