using System.Collections.Immutable;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// One line of a sink table: a type by metadata name, the members that are sinks, and which of their
/// parameters. Resolved against each compilation; a type the compilation lacks is simply absent.
/// </summary>
internal sealed class SinkSpec
{
    public const string Constructor = ".ctor";

    /// <param name="typeName">Metadata name, e.g. <c>Microsoft.Extensions.Logging.LoggerExtensions</c>.</param>
    /// <param name="members">Method, property (its setter) or <see cref="Constructor"/> names; empty means every method.</param>
    /// <param name="parameters">Parameter names that are sinks; empty means every parameter that can carry text.</param>
    public SinkSpec(string typeName, ImmutableArray<string> members, ImmutableArray<string> parameters)
    {
        TypeName = typeName;
        Members = members;
        Parameters = parameters;
    }

    public string TypeName { get; }

    public ImmutableArray<string> Members { get; }

    public ImmutableArray<string> Parameters { get; }

    /// <summary>Every method of the type, every parameter that can carry text.</summary>
    public static SinkSpec AllMethods(string typeName) => new(typeName, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

    public static SinkSpec Methods(string typeName, params string[] members) => new(typeName, ImmutableArray.Create(members), ImmutableArray<string>.Empty);

    public SinkSpec WithParameters(params string[] parameters) => new(TypeName, Members, ImmutableArray.Create(parameters));

    public bool MatchesMember(string name)
    {
        if (Members.IsEmpty)
        {
            return name != Constructor;
        }

        foreach (var member in Members)
        {
            if (member == name)
            {
                return true;
            }
        }

        return false;
    }

    public bool MatchesParameter(string name)
    {
        if (Parameters.IsEmpty)
        {
            return true;
        }

        foreach (var parameter in Parameters)
        {
            if (parameter == name)
            {
                return true;
            }
        }

        return false;
    }
}
