using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// How messages name a sink: <c>ILogger.LogInformation</c>, <c>Console.WriteLine</c>, <c>new Uri</c>,
/// <c>HttpRequestMessage.RequestUri</c>, <c>QueryBuilder.Add</c>. Every member is named with its type, as a
/// bare <c>Add</c>, <c>Append</c> or <c>Redirect</c> does not say which one; an extension method with the type
/// it extends (<c>IUrlHelper.Action</c>), which is where the reader calls it.
/// </summary>
internal static class SinkNames
{
    public static string Of(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => "new " + constructor.ContainingType.Name,
        IMethodSymbol { IsExtensionMethod: true } extension => ExtendedType(extension) + "." + extension.Name,
        IPropertySymbol { IsIndexer: true } indexer => indexer.ContainingType.Name + "[…]",
        _ => member.ContainingType.Name + "." + member.Name,
    };

    private static string ExtendedType(IMethodSymbol extension) =>
        extension.ReducedFrom is not null
            ? extension.ReceiverType?.Name ?? extension.ContainingType.Name
            : extension.Parameters.Length > 0 ? extension.Parameters[0].Type.Name : extension.ContainingType.Name;
}
