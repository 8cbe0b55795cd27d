using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// A value written into a dictionary property of an object: <c>problem.Extensions["key"] = value</c>,
/// <c>problem.Extensions.Add("key", value)</c> (or <c>TryAdd</c>), the same in an object initializer
/// (<c>new ProblemDetails { Extensions = { ["key"] = value } }</c>), and the whole dictionary set at once
/// (<c>problem.Extensions = values</c>). The caller says which properties are sinks.
/// </summary>
internal static class DictionaryWrites
{
    /// <summary>
    /// The property written and the value written into it, when <paramref name="operation"/> (an assignment or a
    /// call) writes into a property named <paramref name="propertyName"/>; otherwise false.
    /// </summary>
    /// <remarks>Asked of every assignment and of every call named Add or TryAdd: the names are compared first.</remarks>
    public static bool TryGet(IOperation operation, string propertyName, out IPropertySymbol property, out IOperation value)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } assignment
                when Written(indexer.Instance, propertyName) is { } written:
                (property, value) = (written, assignment.Value);
                return true;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: false } target } assignment
                when target.Property.Name == propertyName:
                (property, value) = (target.Property, assignment.Value);
                return true;
            case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" } call
                when call.ArgumentFor("value") is { } added
                    && Written(call.Instance ?? (call.Arguments.Length == 3 ? call.Arguments[0].Value : null), propertyName) is { } written:
                // CollectionExtensions.TryAdd(dictionary, key, value) is an extension: its dictionary is the first argument.
                (property, value) = (written, added);
                return true;
        }

        property = null!;
        value = null!;
        return false;
    }

    /// <summary>
    /// The value <paramref name="operation"/> writes into a problem details response's <c>Extensions</c>, members of the
    /// response's JSON (<paramref name="problemDetails"/>: the compilation's <c>ProblemDetails</c>, null when it has none).
    /// </summary>
    public static bool TryGetProblemExtension(IOperation operation, INamedTypeSymbol? problemDetails, out IPropertySymbol extensions, out IOperation value) =>
        TryGetOf(operation, problemDetails, "Extensions", out extensions, out value);

    /// <summary>
    /// As <see cref="TryGet"/>, for the dictionary property <paramref name="propertyName"/> of <paramref name="owner"/> or a
    /// type derived from it (null when the compilation has no such type: then nothing is written into one).
    /// </summary>
    public static bool TryGetOf(IOperation operation, INamedTypeSymbol? owner, string propertyName, out IPropertySymbol property, out IOperation value)
    {
        if (owner is not null && TryGet(operation, propertyName, out property, out value) && property.ContainingType.DerivesFrom(owner))
        {
            return true;
        }

        property = null!;
        value = null!;
        return false;
    }

    /// <summary>The dictionary property <paramref name="instance"/> reads, or the one an object initializer fills through an implicit receiver.</summary>
    private static IPropertySymbol? Written(IOperation? instance, string propertyName)
    {
        switch (instance?.WithoutConversions())
        {
            case IPropertyReferenceOperation { Property: { IsIndexer: false } property } when property.Name == propertyName:
                return property;
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } receiver:
                // Extensions = { ["key"] = value }: the receiver is the member the nested initializer fills.
                for (var parent = receiver.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property: var member } })
                    {
                        return member.Name == propertyName ? member : null;
                    }

                    if (parent is IObjectCreationOperation or IAnonymousObjectCreationOperation)
                    {
                        return null;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
