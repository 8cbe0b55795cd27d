using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>Every sink table of one compilation, resolved once and shared by all rules.</summary>
internal sealed class SinkCatalogue
{
    private static readonly ConditionalWeakTable<Compilation, SinkCatalogue> PerCompilation = new();

    private readonly ConcurrentDictionary<IMethodSymbol, bool> _takenCalls = new(ReferenceComparer<IMethodSymbol>.Instance);

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
    public SinkTables Present(SinkKindSet kinds)
    {
        var present = ImmutableArray.CreateBuilder<SinkTable>();
        foreach (var table in All)
        {
            if (table.Serves(kinds) && !table.IsEmpty)
            {
                present.Add(table);
            }
        }

        return new SinkTables(this, present.ToImmutable());
    }

    /// <summary>Whether any table can take a call of <paramref name="method"/> (or an object created with it); asked for every call and creation, answered once per method.</summary>
    public bool MayAnyTake(IMethodSymbol method) =>
        _takenCalls.GetOrCompute(method.OriginalDefinition, this, static (self, definition) => self.ComputeMayAnyTake(definition));

    private bool ComputeMayAnyTake(IMethodSymbol definition)
    {
        foreach (var table in All)
        {
            if (table.MayTake(definition))
            {
                return true;
            }
        }

        return false;
    }
}
