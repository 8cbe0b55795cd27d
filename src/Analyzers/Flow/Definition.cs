using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>How a definition's <see cref="Definition.Value"/> gives the variable its value.</summary>
internal enum DefinitionKind
{
    /// <summary>The variable is the value (<c>key = apiKey</c>, <c>var key = …</c>).</summary>
    Value,

    /// <summary>
    /// The value is a call that puts its arguments into the collector (<c>list.Add(key)</c>, <c>sb.Append(key)</c>):
    /// what the collector holds is those arguments, whatever the call returns (<c>Add</c> returns nothing).
    /// </summary>
    AddsArguments,

    /// <summary>
    /// The value is a <c>TryGetValue(key, out value)</c> call that gives the variable the entry its receiver holds
    /// under <c>key</c>, as <c>receiver[key]</c> would read it.
    /// </summary>
    ReadsEntry,

    /// <summary>
    /// The variable is one member of the value, taken by a deconstruction (<c>var (companyId, key) = credentials</c>
    /// gives <c>companyId</c> what <c>credentials.CompanyId</c> reads): <see cref="Definition.Member"/>.
    /// </summary>
    ReadsMember,
}

/// <summary>A value given to a local or parameter: where it takes effect, and whether it replaces earlier values.</summary>
internal readonly struct Definition
{
    public Definition(int position, IOperation value, bool kills, SyntaxNode scope, DefinitionKind kind, ISymbol? member)
    {
        Position = position;
        Value = value;
        Kills = kills;
        Scope = scope;
        Kind = kind;
        Member = member;
    }

    /// <summary>Where the value takes effect: the end of the assignment, so its own right side sees the old value.</summary>
    public int Position { get; }

    public IOperation Value { get; }

    /// <summary>A plain assignment (replaces); <c>+=</c>, <c>??=</c> and appends add to the old value instead.</summary>
    public bool Kills { get; }

    /// <summary>The code the assignment always runs in: a use inside it sees nothing older.</summary>
    public SyntaxNode Scope { get; }

    public DefinitionKind Kind { get; }

    /// <summary>The member of <see cref="Value"/> a <see cref="DefinitionKind.ReadsMember"/> definition gives the variable.</summary>
    public ISymbol? Member { get; }
}
