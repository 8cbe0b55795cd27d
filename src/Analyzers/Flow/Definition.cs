using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>A value given to a local or parameter: where it takes effect, and whether it replaces earlier values.</summary>
internal readonly struct Definition
{
    public Definition(int position, IOperation value, bool kills, SyntaxNode scope, bool addsArguments, bool readsEntry)
    {
        Position = position;
        Value = value;
        Kills = kills;
        Scope = scope;
        AddsArguments = addsArguments;
        ReadsEntry = readsEntry;
    }

    /// <summary>Where the value takes effect: the end of the assignment, so its own right side sees the old value.</summary>
    public int Position { get; }

    public IOperation Value { get; }

    /// <summary>A plain assignment (replaces); <c>+=</c>, <c>??=</c> and appends add to the old value instead.</summary>
    public bool Kills { get; }

    /// <summary>The code the assignment always runs in: a use inside it sees nothing older.</summary>
    public SyntaxNode Scope { get; }

    /// <summary>
    /// <see cref="Value"/> is a call that puts its arguments into the collector (<c>list.Add(key)</c>,
    /// <c>sb.Append(key)</c>): what the collector holds is those arguments, whatever the call returns
    /// (<c>Add</c> returns nothing).
    /// </summary>
    public bool AddsArguments { get; }

    /// <summary>
    /// <see cref="Value"/> is a <c>TryGetValue(key, out value)</c> call that gives the variable the entry its receiver
    /// holds under <c>key</c>, as <c>receiver[key]</c> would read it.
    /// </summary>
    public bool ReadsEntry { get; }
}
