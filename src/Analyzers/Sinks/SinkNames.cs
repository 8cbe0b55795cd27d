using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>How messages name a sink: <c>LogInformation</c>, <c>Console.WriteLine</c>, <c>new Uri</c>, <c>HttpRequestMessage.RequestUri</c>.</summary>
internal static class SinkNames
{
    public static string Of(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => "new " + constructor.ContainingType.Name,
        IMethodSymbol { IsStatic: true, IsExtensionMethod: false } method => method.ContainingType.Name + "." + method.Name,
        IMethodSymbol method => method.Name,
        IPropertySymbol { IsIndexer: true } indexer => indexer.ContainingType.Name + "[…]",
        _ => member.ContainingType.Name + "." + member.Name,
    };
}
