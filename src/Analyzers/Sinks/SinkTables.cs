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

    // Each table's bit in the catalogue's answers of which tables can take a call (SinkCatalogue.TablesTaking).
    private readonly ImmutableArray<int> _bits;

    public SinkTables(SinkCatalogue catalogue, ImmutableArray<SinkTable> tables, ImmutableArray<int> bits)
    {
        _catalogue = catalogue;
        _tables = tables;
        _bits = bits;
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
        // objects created are of types none knows; the rest are known to one table or two. One lookup per method
        // or constructor says which, instead of every table examining every call and creation. Assignments and
        // returns go to every table.
        var taking = operation switch
        {
            IInvocationOperation invocation => _catalogue.TablesTaking(invocation.TargetMethod),
            IObjectCreationOperation { Constructor: { } constructor } => _catalogue.TablesTaking(constructor),
            _ => -1,
        };
        if (taking == 0)
        {
            return;
        }

        for (var index = 0; index < _tables.Length; index++)
        {
            if ((taking & _bits[index]) != 0)
            {
                _tables[index].Collect(operation, owner, operands);
            }
        }
    }
}
