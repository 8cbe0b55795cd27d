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
        _ => TypeName(member.ContainingType) + "." + member.Name,
    };

    /// <summary>
    /// A type by its name; another library's <c>ILogger</c> with its namespace (<c>log4net.Core.ILogger.Log</c>,
    /// <c>Serilog.ILogger.Information</c>), since a bare <c>ILogger.Log</c> reads as Microsoft.Extensions.Logging's.
    /// </summary>
    private static string TypeName(INamedTypeSymbol type) =>
        type.Name == "ILogger" && type.ContainingNamespace?.ToDisplayString() is { } space && space != "Microsoft.Extensions.Logging"
            ? space + "." + type.Name
            : type.Name;

    private static string ExtendedType(IMethodSymbol extension) =>
        extension.ReducedFrom is not null
            ? extension.ReceiverType?.Name ?? extension.ContainingType.Name
            : extension.Parameters.Length > 0 ? extension.Parameters[0].Type.Name : extension.ContainingType.Name;
}
