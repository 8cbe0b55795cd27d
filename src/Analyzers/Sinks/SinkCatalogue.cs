using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>Every sink table of one compilation, resolved once and shared by all rules.</summary>
internal sealed class SinkCatalogue
{
    private static readonly ConditionalWeakTable<Compilation, SinkCatalogue> PerCompilation = new();

    private SinkCatalogue(Compilation compilation)
    {
        Log = new LogSinks(compilation);
        var tables = ImmutableArray.CreateBuilder<SinkTable>();
        tables.Add(Log);
        tables.Add(new MessageSinks(compilation));
        tables.Add(new ClientSinks(compilation));
        tables.Add(new RazorSinks(compilation));
        tables.Add(new UrlSinks(compilation));
        tables.Add(new BrowserSinks(compilation));
        All = tables.ToImmutable();
    }

    public LogSinks Log { get; }

    public ImmutableArray<SinkTable> All { get; }

    public static SinkCatalogue For(Compilation compilation) => PerCompilation.GetValue(compilation, c => new SinkCatalogue(c));

    /// <summary>The tables of the given kinds that this compilation can reach at all.</summary>
    public ImmutableArray<SinkTable> Present(SinkKindSet kinds)
    {
        var present = ImmutableArray.CreateBuilder<SinkTable>();
        foreach (var table in All)
        {
            if (table.Serves(kinds) && !table.IsEmpty)
            {
                present.Add(table);
            }
        }

        return present.ToImmutable();
    }

    /// <summary>Adds the operands of <paramref name="operation"/>, in the body of <paramref name="owner"/>, reaching any of <paramref name="tables"/>.</summary>
    public static void Collect(ImmutableArray<SinkTable> tables, IOperation operation, ISymbol owner, List<SinkOperand> operands)
    {
        foreach (var table in tables)
        {
            table.Collect(operation, owner, operands);
        }
    }
}
