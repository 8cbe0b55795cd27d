using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>The sink tables one scan asks (those of some kinds, present in the compilation), chosen from a <see cref="SinkCatalogue"/>.</summary>
internal sealed class SinkTables
{
    private readonly SinkCatalogue _catalogue;
    private readonly ImmutableArray<SinkTable> _tables;

    public SinkTables(SinkCatalogue catalogue, ImmutableArray<SinkTable> tables)
    {
        _catalogue = catalogue;
        _tables = tables;
    }

    /// <summary>No table of these kinds is referenced: rules skip the compilation.</summary>
    public bool IsEmpty => _tables.IsEmpty;

    public bool Watches(SinkKind kind)
    {
        foreach (var table in _tables)
        {
            if (table.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the operands of <paramref name="operation"/>, in the body of <paramref name="owner"/>, reaching any of the tables.</summary>
    public void Collect(IOperation operation, ISymbol owner, List<SinkOperand> operands)
    {
        // Most calls are to methods no table knows (string and LINQ helpers, the code's own methods), and most
        // objects created are of types none knows: one lookup per method or constructor answers that, instead
        // of every table examining every call and creation.
        var method = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };
        if (method is not null && !_catalogue.MayAnyTake(method))
        {
            return;
        }

        foreach (var table in _tables)
        {
            table.Collect(operation, owner, operands);
        }
    }
}
