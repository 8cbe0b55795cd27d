using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>Every sink table of one compilation, resolved once and shared by all rules.</summary>
internal sealed class SinkCatalogue
{
    private static readonly ConditionalWeakTable<Compilation, SinkCatalogue> PerCompilation = new();

    private readonly ConcurrentDictionary<IMethodSymbol, int> _takers = new(ReferenceComparer<IMethodSymbol>.Instance);

    private SinkCatalogue(Compilation compilation)
    {
        IsWebAssemblyApp = WebAssemblyApp.Is(compilation);
        Log = new LogSinks(compilation);
        var tables = ImmutableArray.CreateBuilder<SinkTable>();
        tables.Add(Log);
        tables.Add(new MessageSinks(compilation));
        tables.Add(new ClientSinks(compilation));
        tables.Add(new RazorSinks(compilation));
        tables.Add(new ComponentSinks(compilation));
        tables.Add(new UrlSinks(compilation));
        tables.Add(new BrowserSinks(compilation));
        tables.Add(new RequestHeaderSinks(compilation, IsWebAssemblyApp));
        All = tables.ToImmutable();
    }

    public LogSinks Log { get; }

    /// <summary>A Blazor WebAssembly app: all of its code runs in the browser (<see cref="WebAssemblyApp"/>).</summary>
    public bool IsWebAssemblyApp { get; }

    public ImmutableArray<SinkTable> All { get; }

    public static SinkCatalogue For(Compilation compilation) => PerCompilation.GetValue(compilation, c => new SinkCatalogue(c));

    /// <summary>The tables of the given kinds that this compilation can reach at all.</summary>
    public SinkTables Present(SinkKindSet kinds)
    {
        var present = ImmutableArray.CreateBuilder<SinkTable>();
        var bits = ImmutableArray.CreateBuilder<int>();
        for (var index = 0; index < All.Length; index++)
        {
            var table = All[index];
            if (table.Serves(kinds) && !table.IsEmpty)
            {
                present.Add(table);
                bits.Add(Bit(index));
            }
        }

        return new SinkTables(this, present.ToImmutable(), bits.ToImmutable());
    }

    /// <summary>
    /// The tables that can take a call of <paramref name="method"/> (or an object created with it), one bit each
    /// by their place in <see cref="All"/>: asked for every call and creation, answered once per method, so each
    /// call is shown only to the tables that can take it.
    /// </summary>
    public int TablesTaking(IMethodSymbol method) =>
        _takers.GetOrCompute(method.OriginalDefinition, this, static (self, definition) => self.ComputeTablesTaking(definition));

    private static int Bit(int index) => 1 << index;

    private int ComputeTablesTaking(IMethodSymbol definition)
    {
        var taking = 0;
        for (var index = 0; index < All.Length; index++)
        {
            if (All[index].MayTake(definition))
            {
                taking |= Bit(index);
            }
        }

        return taking;
    }
}
